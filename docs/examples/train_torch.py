#!/usr/bin/env python3
"""An external trainer for `mlops train` (train.command) in PyTorch.

mlops runs it with these environment variables and expects metrics.json plus a model file in
MLOPS_OUTPUT_DIR; it then adds run.json (commit, data hashes, this script's metrics) and
profile.json (the drift reference) itself:

  MLOPS_TRAIN_DATA   first training file (MLOPS_TRAIN_FILES: JSON list of all of them)
  MLOPS_TEST_DATA    golden test set ('' when not configured)
  MLOPS_SCHEMA       Table Schema path ('' when not configured)
  MLOPS_LABEL        label column
  MLOPS_FEATURES     JSON list of feature columns (mlops leaves out the label and id/timestamp/ignore roles)
  MLOPS_OUTPUT_DIR   where to write metrics.json and the model
  MLOPS_CONFIG       the mlops.yaml path
  MLOPS_SEED, MLOPS_EPOCHS, MLOPS_BATCH_SIZE, MLOPS_LEARNING_RATE   from train.*

mlops.yaml (predict_torch.py serves the model to `mlops evaluate`):
  train: { command: "python3 docs/examples/train_torch.py",
           predictCommand: "python3 docs/examples/predict_torch.py" }

Needs: torch, pandas. Uses the GPU when torch sees one.
"""
import json
import os

import numpy as np
import pandas as pd
import torch
from torch import nn

seed = int(os.environ.get("MLOPS_SEED", "42"))
torch.manual_seed(seed)
np.random.seed(seed)
torch.use_deterministic_algorithms(True, warn_only=True)

out_dir = os.environ["MLOPS_OUTPUT_DIR"]
label = os.environ["MLOPS_LABEL"]
train_files = json.loads(os.environ.get("MLOPS_TRAIN_FILES") or json.dumps([os.environ["MLOPS_TRAIN_DATA"]]))


def read(path):
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    if path.endswith((".jsonl", ".ndjson")):
        return pd.read_json(path, lines=True)
    return pd.read_csv(path)


frame = pd.concat([read(p) for p in train_files], ignore_index=True)
frame = frame[frame[label].notna()]
features = json.loads(os.environ.get("MLOPS_FEATURES") or "[]") or [c for c in frame.columns if c != label]

# Preprocessing fitted on the training rows: median imputation + standardisation, one-hot for text.
numeric = [c for c in features if pd.api.types.is_numeric_dtype(frame[c])]
categorical = [c for c in features if c not in numeric]
medians = frame[numeric].median()
x_num = frame[numeric].fillna(medians)
means, stds = x_num.mean(), x_num.std(ddof=0).replace(0, 1)
parts = [(x_num - means) / stds]
if categorical:  # get_dummies of zero columns raises "No objects to concatenate"
    parts.append(pd.get_dummies(frame[categorical].astype("string"), dtype=float))
x = pd.concat(parts, axis=1)
columns = list(x.columns)
classes = sorted(frame[label].astype(str).unique())
y = frame[label].astype(str).map({c: i for i, c in enumerate(classes)}).to_numpy()

order = np.random.permutation(len(x))
n_val = int(len(x) * 0.2)
val_idx, train_idx = order[:n_val], order[n_val:]
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
X = torch.tensor(x.to_numpy(dtype=np.float32), device=device)
Y = torch.tensor(y, dtype=torch.long, device=device)

model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, len(classes))).to(device)
optimiser = torch.optim.Adam(model.parameters(), lr=float(os.environ.get("MLOPS_LEARNING_RATE", "0.001")))
loss_fn = nn.CrossEntropyLoss()
batch = int(os.environ.get("MLOPS_BATCH_SIZE", "256"))
history = []
generator = torch.Generator().manual_seed(seed)
for epoch in range(1, int(os.environ.get("MLOPS_EPOCHS", "50")) + 1):
    model.train()
    perm = torch.tensor(train_idx)[torch.randperm(len(train_idx), generator=generator)]
    total = 0.0
    for start in range(0, len(perm), batch):
        idx = perm[start:start + batch].to(device)
        optimiser.zero_grad()
        loss = loss_fn(model(X[idx]), Y[idx])
        loss.backward()
        optimiser.step()
        total += loss.item() * len(idx)
    model.eval()
    with torch.no_grad():
        logits = model(X[val_idx])
        val_loss = loss_fn(logits, Y[val_idx]).item()
        val_acc = (logits.argmax(1) == Y[val_idx]).float().mean().item()
    history.append({"epoch": epoch, "loss": total / len(train_idx), "val_loss": val_loss, "val_accuracy": val_acc})
    print(f"epoch {epoch}: loss {total / len(train_idx):.4f} val_loss {val_loss:.4f} val_accuracy {val_acc:.4f}", flush=True)

# Everything predict_torch.py needs to serve the model: weights, preprocessing, columns, classes.
torch.save({"state_dict": model.state_dict(), "columns": columns, "classes": classes,
            "label": label, "features": features, "numeric": numeric, "categorical": categorical,
            "hidden": [64, 32],
            "medians": medians.to_dict(), "means": means.to_dict(), "stds": stds.to_dict()},
           os.path.join(out_dir, "model.pt"))
with open(os.path.join(out_dir, "metrics.json"), "w") as f:
    json.dump({"metrics": {"accuracy": history[-1]["val_accuracy"], "log_loss": history[-1]["val_loss"]},
               "history": history, "device": str(device)}, f, indent=2)
