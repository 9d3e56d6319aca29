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
 *
 * The file is walked field by field (protobuf-wire.ts), keeping only the ensemble's attributes
 * as flat arrays: a full onnx-proto decode of the shipped hit model took 0.2 s and 80 MB of
 * heap, an object per number, which the process kept as resident memory after the load.
 */
import type { DecisionTree, RandomForestModel } from './forest.js';
import { FEATURE_NAMES_METADATA_KEY, NODE_COVER_METADATA_KEY, ONNX_INPUT_NAME } from './onnx-export.js';
import { WIRE_LENGTH, WireReader } from './protobuf-wire.js';
import { ForestExplainer, type NodeCover } from './tree-shap.js';

/** What the trainer (as scikit-learn) puts in a leaf's threshold. */
const LEAF_THRESHOLD = -2;

export interface ForestFromOnnx {
  model: RandomForestModel;
  /** Each tree's node cover; undefined for a file written without one (every hit rate 1). */
  cover: NodeCover | undefined;
  /** The `feature_names` metadata, when present. */
  featureNames: string[] | undefined;
}

/** Field numbers of onnx.proto (ONNX 1.10) that the reader walks. */
const MODEL_GRAPH = 7;
const MODEL_METADATA = 14;
const GRAPH_NODE = 1;
const GRAPH_INPUT = 11;
const NODE_OP_TYPE = 4;
const NODE_ATTRIBUTE = 5;
const ATTRIBUTE_NAME = 1;
const ATTRIBUTE_FLOATS = 7;
const ATTRIBUTE_INTS = 8;
const ATTRIBUTE_STRINGS = 9;

interface Attribute {
  ints: Float64Array;
  floats: Float32Array;
  strings: string[];
}

/** Calls `read` for each field of a message; a field it does not consume (returns false) is skipped. */
function eachField(reader: WireReader, read: (field: number, wire: number) => boolean): void {
  while (!reader.done) {
    const { field, wire } = reader.tag();
    if (!read(field, wire)) reader.skip(wire);
  }
}

/** A typed array filled a value at a time, to the size counted beforehand. */
class Filled<Values extends Float64Array | Float32Array> {
  private length = 0;

  constructor(readonly values: Values) {}

  push(value: number): void {
    this.values[this.length++] = value;
  }
}

const decoder = new TextDecoder();
/** Distinct strings an attribute keeps to reuse (node modes are two words; labels may be many, read as they come). */
const INTERNED_STRINGS = 8;

/**
 * Strings read as one of the few distinct ones seen before when their bytes match: `nodes_modes`
 * holds one of two words per node, 100,000 strings otherwise made to be dropped.
 */
class InternedStrings {
  private readonly seen: Array<{ bytes: Uint8Array; text: string }> = [];

  read(reader: WireReader): string {
    const bytes = reader.lengthDelimited();
    const known = this.seen.find((entry) => entry.bytes.length === bytes.length && entry.bytes.every((byte, i) => byte === bytes[i]));
    if (known) return known.text;
    const text = decoder.decode(bytes);
    if (this.seen.length < INTERNED_STRINGS) this.seen.push({ bytes, text });
    return text;
  }
}

/**
 * An attribute's name and values. Its values are counted in a first pass and read into typed
 * arrays of that size in a second: grown a push at a time, the shipped hit model's arrays left
 * about 20 MB of garbage that the process kept as resident memory after the first explanation.
 */
function readAttribute(reader: WireReader): [string, Attribute] {
  let name = '';
  const counts = { ints: 0, floats: 0 };
  const counting = reader.copy();
  eachField(counting, (field, wire) => {
    if (field === ATTRIBUTE_NAME && wire === WIRE_LENGTH) name = counting.string();
    else if (field === ATTRIBUTE_INTS) counts.ints += counting.countVarints(wire);
    else if (field === ATTRIBUTE_FLOATS) counts.floats += counting.countFloats(wire);
    else return false;
    return true;
  });
  const ints = new Filled(new Float64Array(counts.ints));
  const floats = new Filled(new Float32Array(counts.floats));
  const strings: string[] = [];
  const interned = new InternedStrings();
  eachField(reader, (field, wire) => {
    if (field === ATTRIBUTE_INTS) reader.int64s(wire, ints);
    else if (field === ATTRIBUTE_FLOATS) reader.floats(wire, floats);
    else if (field === ATTRIBUTE_STRINGS && wire === WIRE_LENGTH) strings.push(interned.read(reader));
    else return false;
    return true;
  });
  return [name, { ints: ints.values, floats: floats.values, strings }];
}

/** The tree ensemble node's attributes, or undefined for another node. */
function readNode(reader: WireReader): Map<string, Attribute> | undefined {
  let opType = '';
  const attributes = new Map<string, Attribute>();
  eachField(reader, (field, wire) => {
    if (field === NODE_OP_TYPE && wire === WIRE_LENGTH) opType = reader.string();
    else if (field === NODE_ATTRIBUTE && wire === WIRE_LENGTH) attributes.set(...readAttribute(reader.message()));
    else return false;
    return true;
  });
  return opType === 'TreeEnsembleClassifier' ? attributes : undefined;
}

/** An input's name and its second dimension (ValueInfoProto → TypeProto → Tensor → shape → dim[1]). */
function readInput(reader: WireReader): { name: string; featureCount: number | undefined } {
  let name = '';
  let featureCount: number | undefined;
  const nested = (message: WireReader, path: number[], onLeaf: (inner: WireReader) => void) => {
    const [first, ...rest] = path;
    eachField(message, (field, wire) => {
      if (field !== first || wire !== WIRE_LENGTH) return false;
      const inner = message.message();
      if (rest.length === 0) onLeaf(inner);
      else nested(inner, rest, onLeaf);
      return true;
    });
  };
  eachField(reader, (field, wire) => {
    if (field === 1 && wire === WIRE_LENGTH) name = reader.string();
    else if (field === 2 && wire === WIRE_LENGTH) {
      // type.tensor_type.shape: its dims in order; dim_value is field 1 of each.
      const dims: Array<number | undefined> = [];
      nested(reader.message(), [1, 2], (shape) =>
        eachField(shape, (dimField, dimWire) => {
          if (dimField !== 1 || dimWire !== WIRE_LENGTH) return false;
          const dim = shape.message();
          let value: number | undefined;
          eachField(dim, (valueField) => {
            if (valueField !== 1) return false;
            value = dim.int64();
            return true;
          });
          dims.push(value);
          return true;
        }),
      );
      featureCount = dims[1];
    } else return false;
    return true;
  });
  return { name, featureCount };
}

/** Feature and class counts of a forest's ONNX file. */
export interface OnnxShape {
  featureCount: number;
  classCount: number;
}

/** The classifier node's class count (its integer or string labels), without reading its other attributes. */
function classCountOfNode(reader: WireReader): number | undefined {
  let opType = '';
  let classCount: number | undefined;
  eachField(reader, (field, wire) => {
    if (field === NODE_OP_TYPE && wire === WIRE_LENGTH) opType = reader.string();
    else if (field === NODE_ATTRIBUTE && wire === WIRE_LENGTH) {
      const attribute = reader.message();
      let name = '';
      let labels = 0;
      // The name comes first (fields are written in number order); the other attributes' arrays
      // (100,000 numbers each) are skipped as byte runs, only the labels are counted.
      eachField(attribute, (attributeField, attributeWire) => {
        if (attributeField === ATTRIBUTE_NAME && attributeWire === WIRE_LENGTH) name = attribute.string();
        else if (attributeField === ATTRIBUTE_INTS && name === 'classlabels_int64s') labels += attribute.countVarints(attributeWire);
        else if (attributeField === ATTRIBUTE_STRINGS && attributeWire === WIRE_LENGTH && name === 'classlabels_strings') {
          attribute.skip(attributeWire);
          labels++;
        } else return false;
        return true;
      });
      if (name === 'classlabels_int64s' || name === 'classlabels_strings') classCount = labels;
    } else return false;
    return true;
  });
  return opType === 'TreeEnsembleClassifier' ? classCount : undefined;
}

/**
 * A forest file's feature and class counts, walking its fields without keeping the trees (a few
 * milliseconds and no heap for the shipped hit model). Every length is checked on the way, so a
 * file cut short or not an ONNX forest throws here.
 */
export function readOnnxShape(bytes: Uint8Array): OnnxShape {
  const inputs: Array<{ name: string; featureCount: number | undefined }> = [];
  let classCount: number | undefined;
  const model = new WireReader(bytes);
  eachField(model, (field, wire) => {
    if (field !== MODEL_GRAPH || wire !== WIRE_LENGTH) return false;
    const graph = model.message();
    eachField(graph, (graphField, graphWire) => {
      if (graphWire !== WIRE_LENGTH) return false;
      if (graphField === GRAPH_NODE) classCount ??= classCountOfNode(graph.message());
      else if (graphField === GRAPH_INPUT) inputs.push(readInput(graph.message()));
      else return false;
      return true;
    });
    return true;
  });
  const featureCount = (inputs.find((input) => input.name === ONNX_INPUT_NAME) ?? inputs[0])?.featureCount;
  if (!(featureCount !== undefined && featureCount > 0)) throw new Error('the model input does not state its feature count');
  if (!(classCount !== undefined && classCount >= 2)) throw new Error('the model has no TreeEnsembleClassifier node with class labels');
  return { featureCount, classCount };
}

/** Decodes the ONNX bytes of a forest; throws naming what is missing or not a tree ensemble classifier it can read. */
export function readForestFromOnnx(bytes: Uint8Array): ForestFromOnnx {
  let attribute: Map<string, Attribute> | undefined;
  const inputs: Array<{ name: string; featureCount: number | undefined }> = [];
  const metadata = new Map<string, string>();
  const model = new WireReader(bytes);
  eachField(model, (field, wire) => {
    if (wire !== WIRE_LENGTH) return false;
    if (field === MODEL_GRAPH) {
      const graph = model.message();
      eachField(graph, (graphField, graphWire) => {
        if (graphWire !== WIRE_LENGTH) return false;
        if (graphField === GRAPH_NODE) {
          const node = readNode(graph.message());
          attribute ??= node;
        } else if (graphField === GRAPH_INPUT) inputs.push(readInput(graph.message()));
        else return false;
        return true;
      });
    } else if (field === MODEL_METADATA) {
      const entry = model.message();
      let key = '';
      let value = '';
      eachField(entry, (entryField, entryWire) => {
        if (entryWire !== WIRE_LENGTH || (entryField !== 1 && entryField !== 2)) return false;
        if (entryField === 1) key = entry.string();
        else value = entry.string();
        return true;
      });
      metadata.set(key, value);
    } else return false;
    return true;
  });
  if (!attribute) throw new Error('the model has no TreeEnsembleClassifier node');
  const found = attribute;
  const ints = (name: string) => found.get(name)?.ints ?? new Float64Array(0);
  const floats = (name: string) => found.get(name)?.floats ?? new Float32Array(0);
  const modes = found.get('nodes_modes')?.strings ?? [];

  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const featureIds = ints('nodes_featureids');
  const values = floats('nodes_values');
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const hitRates = floats('nodes_hitrates');
  const classes = Array.from(ints('classlabels_int64s'));
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

  const featureCount = (inputs.find((input) => input.name === ONNX_INPUT_NAME) ?? inputs[0])?.featureCount ?? 0;
  if (!(featureCount > 0)) throw new Error('the model input does not state its feature count');

  // A loop, not Math.max(...ids): a fully grown forest has more nodes than a call takes arguments.
  let treeCount = 0;
  for (const id of treeIds) treeCount = Math.max(treeCount, id + 1);
  if (treeCount === 0) throw new Error('the ensemble has no nodes');
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
