/**
 * The training layer (DESIGN §2 src/train): config, preprocessing, backends, models, the model
 * directory and the run record. Other layers may import these names from here or from the
 * individual modules.
 */
export type * from './config.ts';
export { loadConfig, parseConfig, defaultConfig, NAME_PATTERN } from './config.ts';
export type { BackendResolver, LoadBackendOptions, LoadedBackend, NativePackage, ResolvedBackend } from './backend.ts';
export { loadBackend, defaultResolver, detectNvidiaGpus, wasmDirectory } from './backend.ts';
export type { TfApi } from './tf-api.ts';
export type { CategoricalFeatureSpec, FeatureSpec, FitOptions, LabelSpec, NumericFeatureSpec, PreprocessingSpec, Task } from './preprocess.ts';
export { applyPreprocessing, encodeLabels, fitPreprocessing, inferTask, labelTexts, sortClasses, OOV, MISSING_SUFFIX } from './preprocess.ts';
export type { LoadedModel, Prediction } from './model-dir.ts';
export { loadModel, readPreprocessing, readRunRecord, saveLayersModel, savePreprocessing, toPrediction, MODEL_FILES } from './model-dir.ts';
export type { EpochRecord, FitData, FitResult, ModelShape } from './model.ts';
export { buildModel, fitModel, seededRandom, shuffleInPlace } from './model.ts';
export type { RunRecord, TrainOptions, TrainResult } from './train.ts';
export { trainModel, runExternalTrainer, defaultModelDir, RUN_FORMAT } from './train.ts';
export { gitInfo, dataFileRecords, displayPath } from './run-record.ts';
export { validationMetrics } from './metrics.ts';
