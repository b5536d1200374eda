#!/usr/bin/env python3
"""Reference drift check with pandas + scipy for bench/drift.ts: read both CSV files, then
KS per numeric column, chi-square per categorical column and PSI on reference deciles.
Usage: drift_pandas.py reference.csv current.csv"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats

ref = pd.read_csv(sys.argv[1])
cur = pd.read_csv(sys.argv[2])
out = {}
for col in ref.columns:
    r = ref[col].dropna()
    c = cur[col].dropna()
    if pd.api.types.is_numeric_dtype(r) and r.nunique() > 10:
        ks = stats.ks_2samp(r.to_numpy(), c.to_numpy())
        edges = np.unique(np.quantile(r, np.arange(1, 10) / 10))
        rs = np.bincount(np.searchsorted(edges, r, side="left"), minlength=len(edges) + 1) / len(r)
        cs = np.bincount(np.searchsorted(edges, c, side="left"), minlength=len(edges) + 1) / len(c)
        rs, cs = np.maximum(rs, 1e-4), np.maximum(cs, 1e-4)
        out[col] = {"ks_p": float(ks.pvalue), "psi": float(np.sum((cs - rs) * np.log(cs / rs)))}
    else:
        counts = pd.concat([r.astype(str).value_counts(), c.astype(str).value_counts()], axis=1).fillna(0)
        chi2, p, dof, _ = stats.chi2_contingency(counts.T.to_numpy())
        out[col] = {"chi2_p": float(p)}
print(json.dumps({"columns": len(out)}))
