#!/usr/bin/env python3
"""An external trainer for `mlops train` (train.command) in scikit-learn.

mlops.yaml (predict_sklearn.py serves the model to `mlops evaluate`):
  train: { command: "python3 docs/examples/train_sklearn.py",
           predictCommand: "python3 docs/examples/predict_sklearn.py" }

Reads the MLOPS_* environment (see docs/training.md), fits a gradient-boosting classifier with
the same kind of preprocessing mlops uses (median imputation + scaling, one-hot for text), holds
out 20% (seeded) for validation, and writes model.joblib, serving.json and metrics.json into
MLOPS_OUTPUT_DIR.
"""
import json
import os

import joblib
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

seed = int(os.environ.get("MLOPS_SEED", "42"))
label = os.environ["MLOPS_LABEL"]
files = json.loads(os.environ.get("MLOPS_TRAIN_FILES") or json.dumps([os.environ["MLOPS_TRAIN_DATA"]]))
frame = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
frame = frame[frame[label].notna()]
features = json.loads(os.environ.get("MLOPS_FEATURES") or "[]") or [c for c in frame.columns if c != label]
numeric = [c for c in features if pd.api.types.is_numeric_dtype(frame[c])]
categorical = [c for c in features if c not in numeric]

pre = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), numeric),
    ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="__missing__"),
                          OneHotEncoder(handle_unknown="ignore", max_categories=50)), categorical),
])
# train.classWeight of mlops.yaml: "none", "balanced" or {"class": weight}, as scikit-learn takes it.
class_weight = json.loads(os.environ.get("MLOPS_CLASS_WEIGHT") or '"none"')
model = make_pipeline(pre, HistGradientBoostingClassifier(random_state=seed, class_weight=None if class_weight == "none" else class_weight))
x_train, x_val, y_train, y_val = train_test_split(frame[features], frame[label].astype(str), test_size=0.2, random_state=seed)
model.fit(x_train, y_train)
proba = model.predict_proba(x_val)
pred = model.predict(x_val)
metrics = {
    "accuracy": accuracy_score(y_val, pred),
    "f1_macro": f1_score(y_val, pred, average="macro"),
    "log_loss": log_loss(y_val, proba, labels=model.classes_),
}
out = os.environ["MLOPS_OUTPUT_DIR"]
joblib.dump(model, os.path.join(out, "model.joblib"))
# What predict_sklearn.py needs besides the pipeline: the columns it reads and how to type them.
with open(os.path.join(out, "serving.json"), "w") as f:
    json.dump({"label": label, "features": features, "numeric": numeric, "classes": list(model.classes_)}, f)
with open(os.path.join(out, "metrics.json"), "w") as f:
    json.dump({"metrics": metrics, "classes": list(model.classes_)}, f, indent=2)
print("validation:", json.dumps(metrics))
