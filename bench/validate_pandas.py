#!/usr/bin/env python3
"""pandas reference for bench/validate.ts: read_csv + the same checks as `mlops validate`.

usage: validate_pandas.py <data.csv> <schema.json>
Prints one JSON line: {"rows", "errorCount", "byRule", "maxRssKb"}.

Counting follows mlops semantics so the counts can be compared: a null cell only fails
`required`; a cell that is not of the field's type fails `type` and nothing else; every other
failing rule counts once per cell; `unique`/`primaryKey` count the rows that repeat an earlier
value; a field with `mostly` counts no row errors but one `mostly` error when the share of
non-null cells passing all its rules is below it; `maxNullFraction` is one column error.
pandas gets its fastest path: numeric columns are read by the C parser straight to float64.
"""
import json
import re
import resource
import sys

import numpy as np
import pandas as pd

TRUE = {"true", "True", "TRUE", "1"}
FALSE = {"false", "False", "FALSE", "0"}


def main() -> None:
    data_path, schema_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as fh:
        schema = json.load(fh)
    fields = schema["fields"]
    dtypes = {f["name"]: ("float64" if f["type"] in ("number", "integer") else str) for f in fields}
    df = pd.read_csv(data_path, dtype=dtypes, keep_default_na=False, na_values=[""], engine="c")
    rows = len(df)
    by_rule: dict[str, int] = {}

    def bump(rule: str, n: int) -> None:
        if n:
            by_rule[rule] = by_rule.get(rule, 0) + int(n)

    for f in fields:
        name, typ = f["name"], f["type"]
        c = f.get("constraints", {})
        col = df[name]
        null = col.isna().to_numpy()
        nonnull = ~null
        tolerant = "mostly" in f
        if c.get("required"):
            bump("required", null.sum())
        # Parse to a comparable numeric array (NaN where null or not of the type).
        type_bad = np.zeros(rows, dtype=bool)
        comparable = None
        if typ == "number":
            comparable = col.to_numpy()
        elif typ == "integer":
            comparable = col.to_numpy()
            type_bad = nonnull & (np.mod(comparable, 1) != 0)
        elif typ == "boolean":
            type_bad = nonnull & ~col.isin(TRUE | FALSE).to_numpy()
        elif typ == "date":
            parsed = pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
            type_bad = nonnull & parsed.isna().to_numpy()
            comparable = parsed.to_numpy(dtype="datetime64[ms]").astype("float64")
            comparable[np.isnat(parsed.to_numpy())] = np.nan
        elif typ == "datetime":
            # No format: pandas' ISO 8601 fast path (format="ISO8601" needs pandas 2; Debian has 1.5).
            parsed = pd.to_datetime(col, errors="coerce", utc=True)
            type_bad = nonnull & parsed.isna().to_numpy()
            arr = parsed.dt.tz_localize(None).to_numpy()
            comparable = arr.astype("datetime64[ms]").astype("float64")
            comparable[np.isnat(arr)] = np.nan
        ok = nonnull & ~type_bad
        failures: dict[str, np.ndarray] = {"type": type_bad}

        def bound(v):
            if isinstance(v, str):
                return float(pd.Timestamp(v).tz_localize(None).value // 1_000_000) if pd.Timestamp(v).tzinfo else float(pd.Timestamp(v).value // 1_000_000)
            return float(v)

        with np.errstate(invalid="ignore"):
            if "minimum" in c:
                failures["minimum"] = ok & (comparable < bound(c["minimum"]))
            if "maximum" in c:
                failures["maximum"] = ok & (comparable > bound(c["maximum"]))
            if "exclusiveMinimum" in c:
                failures["exclusiveMinimum"] = ok & ~(comparable > bound(c["exclusiveMinimum"]))
            if "exclusiveMaximum" in c:
                failures["exclusiveMaximum"] = ok & ~(comparable < bound(c["exclusiveMaximum"]))
        if "minLength" in c or "maxLength" in c:
            lengths = col.str.len().to_numpy()
            if "minLength" in c:
                failures["minLength"] = ok & (lengths < c["minLength"])
            if "maxLength" in c:
                failures["maxLength"] = ok & (lengths > c["maxLength"])
        if "pattern" in c:
            failures["pattern"] = ok & ~col.str.fullmatch(c["pattern"]).fillna(True).to_numpy(dtype=bool)
        if "enum" in c:
            allowed = c["enum"] if typ not in ("number", "integer") else [float(v) for v in c["enum"]]
            failures["enum"] = ok & ~col.isin(allowed).to_numpy()
        if c.get("unique"):
            failures["unique"] = ok & col.duplicated(keep="first").to_numpy()
        failed_rows = np.zeros(rows, dtype=bool)
        for rule, mask in failures.items():
            failed_rows |= mask
            if not tolerant:
                bump(rule, mask.sum())
        if tolerant:
            nn = nonnull.sum()
            observed = 1.0 if nn == 0 else (nn - failed_rows.sum()) / nn
            if observed < f["mostly"]:
                bump("mostly", 1)
        if "maxNullFraction" in f:
            if rows and null.sum() / rows > f["maxNullFraction"]:
                bump("maxNullFraction", 1)

    pk = schema.get("primaryKey")
    if pk is not None:
        keys = [pk] if isinstance(pk, str) else pk
        part = df[keys]
        has_null = part.isna().any(axis=1).to_numpy()
        dup = part.duplicated(keep="first").to_numpy() & ~has_null
        bump("primaryKey", has_null.sum() + dup.sum())

    print(json.dumps({
        "rows": rows,
        "errorCount": sum(by_rule.values()),
        "byRule": by_rule,
        "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
