#!/usr/bin/env python3
"""Serves a model trained by train_torch.py to `mlops evaluate` (train.predictCommand).

The protocol (docs/evaluation.md, "Models trained by an external command") is JSON lines:
this process prints one ready line, then answers each request line with one answer line, until
mlops closes stdin. MLOPS_MODEL_DIR is the model directory to serve.

  ready:    {"ready": true, "task", "label", "features", "classes"}
  request:  {"id": 1, "rows": [{feature: value or null, ...}, ...]}
  answer:   {"id": 1, "probabilities": [[p per class, ...], ...]}   or   {"id": 1, "error": "..."}

Needs: torch, pandas. Uses the GPU when torch sees one (latency is then the GPU's).
"""
import json
import os
import sys

import pandas as pd
import torch
from torch import nn

saved = torch.load(os.path.join(os.environ["MLOPS_MODEL_DIR"], "model.pt"), map_location="cpu")
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
columns, classes = saved["columns"], saved["classes"]
numeric, categorical = saved["numeric"], saved["categorical"]
medians, means, stds = (pd.Series(saved[k], dtype=float) for k in ("medians", "means", "stds"))
h1, h2 = saved["hidden"]
model = nn.Sequential(nn.Linear(len(columns), h1), nn.ReLU(), nn.Linear(h1, h2), nn.ReLU(), nn.Linear(h2, len(classes)))
model.load_state_dict(saved["state_dict"])
model.to(device).eval()


def matrix(rows):
    """The training preprocessing applied to request rows: the same columns, in the same order."""
    frame = pd.DataFrame(rows, columns=saved["features"])
    x_num = frame[numeric].apply(pd.to_numeric, errors="coerce").fillna(medians)
    parts = [(x_num - means) / stds]
    if categorical:
        parts.append(pd.get_dummies(frame[categorical].astype("string"), dtype=float))
    # Categories unseen in training have no column; missing one-hot columns are zeros.
    return pd.concat(parts, axis=1).reindex(columns=columns, fill_value=0.0).to_numpy(dtype="float32")


def say(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


task = "binary" if len(classes) == 2 else "multiclass"
say({"ready": True, "task": task, "label": saved["label"], "features": saved["features"], "classes": classes})
for line in sys.stdin:
    request = json.loads(line)
    try:
        with torch.no_grad():
            x = torch.tensor(matrix(request["rows"]), device=device)
            probabilities = torch.softmax(model(x), dim=1).cpu().tolist()
        say({"id": request["id"], "probabilities": probabilities})
    except Exception as error:  # the message reaches mlops, which stops with exit 2
        say({"id": request["id"], "error": f"{type(error).__name__}: {error}"})
