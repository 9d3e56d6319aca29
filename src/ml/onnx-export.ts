/**
 * Writes a {@link RandomForestModel} as an ONNX model: one `ai.onnx.ml.TreeEnsembleClassifier`
 * node from a float tensor `features` [N, featureCount] to `label` (int64 [N]) and
 * `probabilities` (float [N, classCount]), the latter equal (to float rounding) to
 * {@link predictProbabilities}.
 *
 * How the forest maps onto the operator:
 * - every tree node becomes one `nodes_*` tuple (tree id = index in `model.trees`, node id =
 *   index in the tree's arrays); splits are `BRANCH_LEQ` (left = true branch), as the
 *   TypeScript predictor goes left when `fround(x) <= threshold`. A NaN feature goes right in
 *   both (`NaN <= t` is false; missing values are not tracked).
 * - every leaf carries one `class_*` vote per class, weight = leaf probability / treeCount, so
 *   the operator's SUM over trees is the forest's mean, and `post_transform` is NONE.
 * - `nodes_hitrates` (not used for scoring) holds each node's training cover when one is given,
 *   marked by the `node_cover` metadata: readForestFromOnnx (onnx-forest-reader.ts) rebuilds forest and cover
 *   from the file alone, for explanations.
 *
 * Two classes: onnxruntime (checked with 1.30) treats a two-class ensemble specially, and only
 * one layout gives plain sums. Observed, for true probabilities [p0, p1]:
 * - votes for both classes at every leaf, zeros included (what this exporter writes):
 *   `probabilities` = [p0, p1], same code path as three or more classes;
 * - zero votes left out: a row whose leaves never vote for class 1 gets [-p0, p0];
 * - votes for class 1 only: [0, p1] (the class-0 column is not filled in);
 * - votes under class id 0 only: read as the positive class's score s, giving [1 - s, s].
 * Its `label` output, with votes for both classes, is `score(class 1) > 0 ? 1 : 0` — the
 * literal 1 and 0, not `classes[1]`/`classes[0]`, and not the argmax — so it is wrong whenever
 * class 1 gets any probability below one half, or the labels are not [0, 1]. Consumers must
 * derive labels from `probabilities` (argmax, first max wins, mapped through `model.classes`)
 * and never read `label`; {@link OnnxForest} only returns probabilities. (For three or more
 * classes `label` is `classes[argmax]`, but use the probabilities there too.)
 */
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';
import { nodeCount, type RandomForestModel } from './forest.js';
import type { NodeCover } from './tree-shap.js';

const { onnx } = onnxProto;

/** Name of the graph's single input, a float tensor [N, featureCount]. */
export const ONNX_INPUT_NAME = 'features';
/** int64 [N]; unreliable for two classes, see the module comment. */
export const ONNX_LABEL_OUTPUT = 'label';
/** float [N, classCount], columns in the order of `model.classes`. */
export const ONNX_PROBABILITIES_OUTPUT = 'probabilities';
export const ONNX_ML_DOMAIN = 'ai.onnx.ml';
/** IR 8 is what onnx-proto (ONNX 1.10 schema) describes; onnxruntime 1.30 reads up to 10+. */
export const ONNX_IR_VERSION = 8;
export const ONNX_ML_OPSET = 3;
export const ONNX_DEFAULT_OPSET = 17;
/** Model metadata key holding `JSON.stringify(featureNames)` when names are given. */
export const FEATURE_NAMES_METADATA_KEY = 'feature_names';
/**
 * Model metadata key present when `nodes_hitrates` holds each node's cover (the training rows that
 * reached it, what explanations need) rather than the operator's default 1. Its value says what
 * the cover counts.
 */
export const NODE_COVER_METADATA_KEY = 'node_cover';

export interface OnnxExportOptions {
  /** One name per feature, stored as model metadata (`feature_names`, a JSON array). */
  featureNames?: string[];
  /** ModelProto.producer_name; default "encore". */
  producerName?: string;
  /** ModelProto.doc_string. */
  docString?: string;
  /**
   * Each node's cover (see {@link coverFromRows}), written as the node's `nodes_hitrates` (which
   * onnxruntime does not use for scoring), so the file alone carries what explanations need.
   * Without it every hit rate is 1.
   */
  cover?: NodeCover;
  /** What the cover counts, stored as the `node_cover` metadata; default "training rows". */
  coverDescription?: string;
}

const AttributeType = onnx.AttributeProto.AttributeType;
const DataType = onnx.TensorProto.DataType;
const encoder = new TextEncoder();

function ints(name: string, values: number[]): Onnx.IAttributeProto {
  return { name, type: AttributeType.INTS, ints: values };
}

function floats(name: string, values: number[]): Onnx.IAttributeProto {
  return { name, type: AttributeType.FLOATS, floats: values };
}

function strings(name: string, values: string[]): Onnx.IAttributeProto {
  return { name, type: AttributeType.STRINGS, strings: values.map((value) => encoder.encode(value)) };
}

function string(name: string, value: string): Onnx.IAttributeProto {
  return { name, type: AttributeType.STRING, s: encoder.encode(value) };
}

function tensorValue(name: string, elemType: Onnx.TensorProto.DataType, dims: (number | string)[]): Onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) },
      },
    },
  };
}

function validate(model: RandomForestModel, featureNames: string[] | undefined, cover: NodeCover | undefined): void {
  const { featureCount, classes, trees } = model;
  if (!Number.isInteger(featureCount) || featureCount < 1) throw new Error(`featureCount must be a positive integer, got ${featureCount}`);
  if (classes.length < 2) throw new Error(`a classifier needs at least two classes, got ${classes.length}`);
  if (!classes.every((label) => Number.isSafeInteger(label))) throw new Error('class labels must be integers');
  if (new Set(classes).size !== classes.length) throw new Error('class labels must be distinct');
  if (trees.length === 0) throw new Error('the forest has no trees');
  if (featureNames !== undefined && featureNames.length !== featureCount) {
    throw new Error(`featureNames has ${featureNames.length} names for ${featureCount} features`);
  }
  if (cover !== undefined) {
    if (cover.length !== trees.length) throw new Error(`cover has ${cover.length} trees, the forest ${trees.length}`);
    cover.forEach((treeCover, t) => {
      if (treeCover.length !== nodeCount(trees[t]!)) throw new Error(`cover of tree ${t} has ${treeCover.length} nodes, the tree ${nodeCount(trees[t]!)}`);
      // float32 in the file: counts above 2^24 would not come back exactly.
      if (!treeCover.every((value) => Number.isFinite(value) && value >= 0 && Math.fround(value) === value)) {
        throw new Error(`cover of tree ${t} must hold counts a float32 keeps exactly`);
      }
    });
  }
  const classCount = classes.length;
  trees.forEach((tree, t) => {
    const n = tree.feature.length;
    if (n === 0) throw new Error(`tree ${t} has no nodes`);
    if (tree.threshold.length !== n || tree.left.length !== n || tree.right.length !== n || tree.value.length !== n * classCount) {
      throw new Error(`tree ${t}: array lengths disagree (${n} nodes, ${classCount} classes)`);
    }
    for (let node = 0; node < n; node++) {
      const feature = tree.feature[node]!;
      if (feature < 0) continue;
      if (feature >= featureCount) throw new Error(`tree ${t} node ${node}: feature ${feature} out of range`);
      if (Number.isNaN(tree.threshold[node]!)) throw new Error(`tree ${t} node ${node}: NaN threshold`);
      for (const child of [tree.left[node]!, tree.right[node]!]) {
        if (!(child > 0 && child < n)) throw new Error(`tree ${t} node ${node}: child ${child} out of range`);
      }
    }
  });
}

/** Encodes the forest as an ONNX ModelProto (see the module comment for the layout). */
export function exportForestToOnnx(model: RandomForestModel, options: OnnxExportOptions = {}): Uint8Array {
  validate(model, options.featureNames, options.cover);
  const classCount = model.classes.length;
  const treeCount = model.trees.length;

  const nodesTreeIds: number[] = [];
  const nodesNodeIds: number[] = [];
  const nodesFeatureIds: number[] = [];
  const nodesValues: number[] = [];
  const nodesModes: string[] = [];
  const nodesTrueIds: number[] = [];
  const nodesFalseIds: number[] = [];
  const nodesMissingTrue: number[] = [];
  const nodesHitRates: number[] = [];
  const classTreeIds: number[] = [];
  const classNodeIds: number[] = [];
  const classIds: number[] = [];
  const classWeights: number[] = [];

  model.trees.forEach((tree, t) => {
    for (let node = 0; node < tree.feature.length; node++) {
      const feature = tree.feature[node]!;
      const leaf = feature < 0;
      nodesTreeIds.push(t);
      nodesNodeIds.push(node);
      nodesFeatureIds.push(leaf ? 0 : feature);
      nodesValues.push(leaf ? 0 : Math.fround(tree.threshold[node]!));
      nodesModes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      nodesTrueIds.push(leaf ? 0 : tree.left[node]!);
      nodesFalseIds.push(leaf ? 0 : tree.right[node]!);
      nodesMissingTrue.push(0);
      nodesHitRates.push(options.cover ? options.cover[t]![node]! : 1);
      if (!leaf) continue;
      // One vote per class, zeros included: see the module comment on two classes.
      for (let c = 0; c < classCount; c++) {
        classTreeIds.push(t);
        classNodeIds.push(node);
        classIds.push(c);
        classWeights.push(tree.value[node * classCount + c]! / treeCount);
      }
    }
  });

  const classifier: Onnx.INodeProto = {
    name: 'forest',
    opType: 'TreeEnsembleClassifier',
    domain: ONNX_ML_DOMAIN,
    input: [ONNX_INPUT_NAME],
    output: [ONNX_LABEL_OUTPUT, ONNX_PROBABILITIES_OUTPUT],
    attribute: [
      ints('nodes_treeids', nodesTreeIds),
      ints('nodes_nodeids', nodesNodeIds),
      ints('nodes_featureids', nodesFeatureIds),
      floats('nodes_values', nodesValues),
      strings('nodes_modes', nodesModes),
      ints('nodes_truenodeids', nodesTrueIds),
      ints('nodes_falsenodeids', nodesFalseIds),
      ints('nodes_missing_value_tracks_true', nodesMissingTrue),
      floats('nodes_hitrates', nodesHitRates),
      ints('class_treeids', classTreeIds),
      ints('class_nodeids', classNodeIds),
      ints('class_ids', classIds),
      floats('class_weights', classWeights),
      ints('classlabels_int64s', [...model.classes]),
      string('post_transform', 'NONE'),
    ],
  };

  const metadataProps: Onnx.IStringStringEntryProto[] = [];
  if (options.featureNames !== undefined) {
    metadataProps.push({ key: FEATURE_NAMES_METADATA_KEY, value: JSON.stringify(options.featureNames) });
  }
  if (options.cover !== undefined) metadataProps.push({ key: NODE_COVER_METADATA_KEY, value: options.coverDescription ?? 'training rows' });

  const proto: Onnx.IModelProto = {
    irVersion: ONNX_IR_VERSION,
    opsetImport: [
      { domain: '', version: ONNX_DEFAULT_OPSET },
      { domain: ONNX_ML_DOMAIN, version: ONNX_ML_OPSET },
    ],
    producerName: options.producerName ?? 'encore',
    producerVersion: '1',
    modelVersion: 1,
    docString: options.docString ?? '',
    metadataProps,
    graph: {
      name: 'random_forest',
      node: [classifier],
      input: [tensorValue(ONNX_INPUT_NAME, DataType.FLOAT, ['N', model.featureCount])],
      output: [tensorValue(ONNX_LABEL_OUTPUT, DataType.INT64, ['N']), tensorValue(ONNX_PROBABILITIES_OUTPUT, DataType.FLOAT, ['N', classCount])],
    },
  };
  return onnx.ModelProto.encode(proto).finish();
}
