#!/usr/bin/env python3
"""Serves a model trained by train_sklearn.py to `mlops evaluate` (train.predictCommand).

JSON lines on stdin/stdout (docs/evaluation.md, "Models trained by an external command"): one
ready line, then one answer per request line until mlops closes stdin. MLOPS_MODEL_DIR is the
model directory (model.joblib + serving.json).
"""
import json
import os
import sys

import joblib
import pandas as pd

model_dir = os.environ["MLOPS_MODEL_DIR"]
model = joblib.load(os.path.join(model_dir, "model.joblib"))
with open(os.path.join(model_dir, "serving.json")) as f:
    serving = json.load(f)
features, numeric = serving["features"], serving["numeric"]
classes = [str(c) for c in model.classes_]


def say(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


say({"ready": True, "task": "binary" if len(classes) == 2 else "multiclass", "label": serving["label"],
     "features": features, "classes": classes})
for line in sys.stdin:
    request = json.loads(line)
    try:
        frame = pd.DataFrame(request["rows"], columns=features)
        frame[numeric] = frame[numeric].apply(pd.to_numeric, errors="coerce")
        say({"id": request["id"], "probabilities": model.predict_proba(frame).tolist()})
    except Exception as error:  # the message reaches mlops, which stops with exit 2
        say({"id": request["id"], "error": f"{type(error).__name__}: {error}"})
