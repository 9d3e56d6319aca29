/**
 * Reads back a forest written by {@link exportForestToOnnx}: its trees as a
 * {@link RandomForestModel} and, when the file carries it (`node_cover` metadata), each node's
 * cover from `nodes_hitrates`, which is what a {@link ForestExplainer} needs. So the model file
 * alone explains its predictions; no other artefact ships beside it.
 *
 * Leaf values come back as class_weight × treeCount: the float32 weights the file holds, so the
 * rebuilt forest scores as onnxruntime does (up to its float32 sums), not bit for bit as the
 * forest that was exported. Inner nodes get no class values (explanations and predictions read
 * leaves only); feature importances are not in the file and come back empty.
 */
import onnxProto from 'onnx-proto';
import type { onnx as Onnx } from 'onnx-proto';
import type { DecisionTree, RandomForestModel } from './forest.js';
import { FEATURE_NAMES_METADATA_KEY, NODE_COVER_METADATA_KEY, ONNX_INPUT_NAME } from './onnx-export.js';
import { ForestExplainer, type NodeCover } from './tree-shap.js';

const { onnx } = onnxProto;
const decoder = new TextDecoder();
/** What the trainer (as scikit-learn) puts in a leaf's threshold. */
const LEAF_THRESHOLD = -2;

export interface ForestFromOnnx {
  model: RandomForestModel;
  /** Each tree's node cover; undefined for a file written without one (every hit rate 1). */
  cover: NodeCover | undefined;
  /** The `feature_names` metadata, when present. */
  featureNames: string[] | undefined;
}

type Numbers = Array<number | { toNumber(): number }>;

const numbers = (values: Numbers | null | undefined): number[] => (values ?? []).map((value) => (typeof value === 'number' ? value : value.toNumber()));

function attributes(node: Onnx.INodeProto): Map<string, Onnx.IAttributeProto> {
  return new Map((node.attribute ?? []).map((attribute) => [attribute.name ?? '', attribute]));
}

/** Decodes the ONNX bytes of a forest; throws naming what is missing or not a tree ensemble classifier it can read. */
export function readForestFromOnnx(bytes: Uint8Array): ForestFromOnnx {
  const proto = onnx.ModelProto.decode(bytes);
  const node = proto.graph?.node?.find((candidate) => candidate.opType === 'TreeEnsembleClassifier');
  if (!node) throw new Error('the model has no TreeEnsembleClassifier node');
  const attribute = attributes(node);
  const ints = (name: string) => numbers(attribute.get(name)?.ints as Numbers | undefined);
  const floats = (name: string) => attribute.get(name)?.floats ?? [];
  const modes = (attribute.get('nodes_modes')?.strings ?? []).map((value) => decoder.decode(value));

  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const featureIds = ints('nodes_featureids');
  const values = floats('nodes_values');
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const hitRates = floats('nodes_hitrates');
  const classes = ints('classlabels_int64s');
  if (classes.length < 2) throw new Error('the classifier has no integer class labels');
  const nodes = treeIds.length;
  for (const [name, list] of [
    ['nodes_nodeids', nodeIds],
    ['nodes_featureids', featureIds],
    ['nodes_values', values],
    ['nodes_modes', modes],
    ['nodes_truenodeids', trueIds],
    ['nodes_falsenodeids', falseIds],
  ] as const) {
    if (list.length !== nodes) throw new Error(`${name} has ${list.length} entries for ${nodes} nodes`);
  }

  const input = proto.graph?.input?.find((value) => value.name === ONNX_INPUT_NAME) ?? proto.graph?.input?.[0];
  const dim = input?.type?.tensorType?.shape?.dim?.[1]?.dimValue;
  const featureCount = dim === null || dim === undefined ? 0 : typeof dim === 'number' ? dim : dim.toNumber();
  if (!(featureCount > 0)) throw new Error('the model input does not state its feature count');

  const treeCount = Math.max(...treeIds) + 1;
  const nodesOf = new Array<number>(treeCount).fill(0);
  for (let i = 0; i < nodes; i++) nodesOf[treeIds[i]!] = Math.max(nodesOf[treeIds[i]!]!, nodeIds[i]! + 1);
  const classCount = classes.length;
  const trees: DecisionTree[] = nodesOf.map((count) => ({
    feature: new Int32Array(count).fill(-1),
    threshold: new Float64Array(count).fill(LEAF_THRESHOLD),
    left: new Int32Array(count).fill(-1),
    right: new Int32Array(count).fill(-1),
    value: new Float64Array(count * classCount),
  }));
  const metadata = new Map((proto.metadataProps ?? []).map((entry) => [entry.key ?? '', entry.value ?? '']));
  const hasCover = metadata.has(NODE_COVER_METADATA_KEY);
  if (hasCover && hitRates.length !== nodes) throw new Error(`nodes_hitrates has ${hitRates.length} entries for ${nodes} nodes`);
  const cover: NodeCover | undefined = hasCover ? nodesOf.map((count) => new Float64Array(count)) : undefined;

  for (let i = 0; i < nodes; i++) {
    const tree = trees[treeIds[i]!]!;
    const id = nodeIds[i]!;
    if (cover) cover[treeIds[i]!]![id] = hitRates[i]!;
    if (modes[i] === 'LEAF') continue;
    if (modes[i] !== 'BRANCH_LEQ') throw new Error(`node ${id} of tree ${treeIds[i]}: mode ${modes[i]} (only BRANCH_LEQ and LEAF are read)`);
    tree.feature[id] = featureIds[i]!;
    tree.threshold[id] = values[i]!;
    tree.left[id] = trueIds[i]!;
    tree.right[id] = falseIds[i]!;
  }
  const classTrees = ints('class_treeids');
  const classNodes = ints('class_nodeids');
  const classIds = ints('class_ids');
  const weights = floats('class_weights');
  for (let i = 0; i < classTrees.length; i++) {
    trees[classTrees[i]!]!.value[classNodes[i]! * classCount + classIds[i]!]! += weights[i]! * treeCount;
  }

  const names = metadata.get(FEATURE_NAMES_METADATA_KEY);
  return {
    model: { featureCount, classes, trees, featureImportances: new Array<number>(featureCount).fill(0) },
    cover,
    featureNames: names === undefined ? undefined : (JSON.parse(names) as string[]),
  };
}

/** A model file's forest with an explainer ready for it; undefined when the file carries no node cover. */
export function explainerFromOnnx(bytes: Uint8Array): { model: RandomForestModel; explainer: ForestExplainer } | undefined {
  const { model, cover } = readForestFromOnnx(bytes);
  return cover ? { model, explainer: new ForestExplainer(model, cover) } : undefined;
}
