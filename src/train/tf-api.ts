/**
 * The part of the TensorFlow.js namespace that training, saving and inference use. Model code
 * receives a `TfApi` instead of importing `@tensorflow/tfjs-*` itself because the native packages
 * (`@tensorflow/tfjs-node`, `-gpu`) export their own `tf` with their own copy of tfjs-core: layers
 * built with our bundled `@tensorflow/tfjs-layers` would register tensors with a different engine
 * than the one the native backend runs. Using the namespace we were given keeps one engine.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export interface TfApi {
  tensor2d: typeof tfc.tensor2d;
  tensor1d: typeof tfc.tensor1d;
  tidy: typeof tfc.tidy;
  dispose: typeof tfc.dispose;
  memory: typeof tfc.memory;
  setBackend: typeof tfc.setBackend;
  getBackend: typeof tfc.getBackend;
  ready: typeof tfc.ready;
  env: typeof tfc.env;
  train: typeof tfc.train;
  io: typeof tfc.io;
  // Ops of the class-weighted loss (functional: the CommonJS tfjs-core registers no chained methods).
  add: typeof tfc.add;
  mul: typeof tfc.mul;
  neg: typeof tfc.neg;
  log: typeof tfc.log;
  sum: typeof tfc.sum;
  cast: typeof tfc.cast;
  reshape: typeof tfc.reshape;
  clipByValue: typeof tfc.clipByValue;
  oneHot: typeof tfc.oneHot;
  losses: typeof tfc.losses;
  /** Present on every tfjs namespace; versions of the packages inside it. */
  version?: Record<string, string>;
  sequential: typeof tfl.sequential;
  layers: typeof tfl.layers;
  initializers: typeof tfl.initializers;
  regularizers: typeof tfl.regularizers;
  loadLayersModel: typeof tfl.loadLayersModel;
}

export type LayersModel = tfl.LayersModel;
export type Sequential = tfl.Sequential;
export type Tensor = tfc.Tensor;
export type Tensor2D = tfc.Tensor2D;
export type ModelArtifacts = tfc.io.ModelArtifacts;
