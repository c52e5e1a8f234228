// The syntax tree copied out of tree-sitter's WASM memory into plain objects.
import type { Tree as TsTree, TreeCursor } from '@vscode/tree-sitter-wasm';

/**
 * A syntax node copied out of the WASM tree: every property read on a tree-sitter node is a
 * call into WASM (and a new wrapper object), and the walk below reads each node many times,
 * so the tree is copied once into plain objects with the same names the walk uses.
 */
export class PNode {
  /** The field children the walk asks for (`body`, `destination`). */
  fields: Map<string, PNode> | null = null;
  private named: PNode[] | null = null;
  constructor(
    readonly src: string,
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly children: PNode[],
  ) {}
  get text(): string {
    return this.src.slice(this.startIndex, this.endIndex);
  }
  get childCount(): number {
    return this.children.length;
  }
  child(i: number): PNode | null {
    return this.children[i] ?? null;
  }
  get namedChildren(): PNode[] {
    return (this.named ??= this.children.filter((c) => c.isNamed));
  }
  get namedChildCount(): number {
    return this.namedChildren.length;
  }
  namedChild(i: number): PNode | null {
    return this.namedChildren[i] ?? null;
  }
  childForFieldName(name: string): PNode | null {
    return this.fields?.get(name) ?? null;
  }
}

/** Node types whose field children a walk reads, and which fields. */
export type FieldsWanted = Record<string, string[]>;

/**
 * Copies a tree out with one cursor: a cursor reads a node's type, span and field in place,
 * where walking `node.children` makes a wrapper object (and several WASM calls) per child.
 * Iterative, so a deep tree cannot exhaust the stack; null when the tree is nested deeper
 * than `maxDepth` (the walks over the copy recurse by level).
 */
export function plain(tree: TsTree, src: string, wanted: FieldsWanted, maxDepth = Infinity): PNode | null {
  const c = tree.walk();
  try {
    const root = make(c, src, wanted);
    if (!c.gotoFirstChild()) return root;
    const parents: PNode[] = [root];
    for (;;) {
      const parent = parents[parents.length - 1];
      const node = make(c, src, wanted);
      parent.children.push(node);
      if (parent.fields) {
        // The first child of a field, as `childForFieldName` gives it.
        const f = c.currentFieldName;
        if (f !== null && wanted[parent.type].includes(f) && !parent.fields.has(f)) parent.fields.set(f, node);
      }
      if (c.gotoFirstChild()) {
        parents.push(node);
        if (parents.length > maxDepth) return null;
        continue;
      }
      while (!c.gotoNextSibling()) {
        c.gotoParent();
        parents.pop();
        if (!parents.length) return root;
      }
    }
  } finally {
    c.delete();
  }
}

function make(c: TreeCursor, src: string, wanted: FieldsWanted): PNode {
  const node = new PNode(src, c.nodeId, c.nodeType, c.nodeIsNamed, c.startIndex, c.endIndex, []);
  if (Object.prototype.hasOwnProperty.call(wanted, node.type)) node.fields = new Map();
  return node;
}
