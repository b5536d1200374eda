/**
 * Mergeable column profiles (DESIGN §2 src/profile): what `mlops profile` writes, what a model
 * stores as its drift reference, and what drift reads. See docs/profiles.md.
 */

export type * from './types.ts';
export { createProfiler, resolveOptions, DEFAULT_SEED } from './profiler.ts';
export type { Profiler } from './profiler.ts';
export { mergeProfiles } from './merge.ts';
export { readProfile, writeProfile, parseProfile, validateProfile, stringifyProfile } from './io.ts';
export { sketchQuantile, sketchRank, sketchMerge, sketchEpsilon, sketchCdf, KllSketch, createSketchState, DEFAULT_K } from './kll.ts';
export { distinctEstimate, distinctMerge, DistinctCounter, hllEstimate } from './distinct.ts';
export { TopK, topKMerge } from './topk.ts';
export { Reservoir, reservoirMerge } from './reservoir.ts';
export { emptyMoments, addMoments, mergeMoments, variance } from './moments.ts';
export { detectType } from './detect.ts';
export { murmur3 } from './hash.ts';
export { numericSample, categoricalCounts, columnQuantile, columnType } from './helpers.ts';

export { hashFileInPool, profileSource, profileFile, type ProfileFileHooks } from './file.ts';
