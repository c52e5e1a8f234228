// The syntax tree copied out of tree-sitter's WASM memory into plain objects.
import type { Node as TsNode } from '@vscode/tree-sitter-wasm';

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

export function plain(node: TsNode, src: string, wanted: FieldsWanted): PNode {
  const children: PNode[] = [];
  if (node.childCount > 0) for (const c of node.children) if (c) children.push(plain(c, src, wanted));
  const p = new PNode(src, node.id, node.type, node.isNamed, node.startIndex, node.endIndex, children);
  const fields = wanted[p.type];
  if (fields) {
    p.fields = new Map();
    for (const name of fields) {
      const f = node.childForFieldName(name);
      const match = f && children.find((c) => c.id === f.id && c.startIndex === f.startIndex);
      if (match) p.fields.set(name, match);
    }
  }
  return p;
}
