import { UnionFind } from './union-find.js';

export interface EvidenceGroup {
  members: number[];
  /** The strongest evidence (a reason rank) among the links of the group. */
  rank: number;
  /** The lowest score among the links of the group. */
  score: number;
}

/**
 * Records (by index) gathered into clusters of one normalised name and one place, and the evidence
 * linking them into groups. Every link covers every pair of records it applies to, so the groups
 * (connected components), their strongest evidence and their lowest score depend on the set of records,
 * not on the order they were added in or links were made in.
 *
 * Two records with one code are not linked to each other (they are duplicates, not near-duplicates).
 * Clusters that hold at least two codes between them are therefore linked as a whole: every record then
 * has a partner with another code. Clusters holding one code between them are not linked.
 */
export class NameClusters {
  /** Distinct names, by name id. */
  readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly firstClusterOfName: number[] = [];
  private readonly nextClusterOfName: number[] = [];
  private readonly clusterName: number[] = [];
  private readonly clusterPlace: Array<string | null> = [];
  /** The code key of a cluster's first record; `mixed` once another code joins it. */
  private readonly clusterCode: string[] = [];
  private readonly mixed: Uint8Array;
  /** Whether a cluster's records are already one set. */
  private readonly bound: Uint8Array;
  private readonly head: Int32Array;
  private readonly nextMember: Int32Array;
  private readonly codeKeys: string[];
  private readonly sets: UnionFind;
  private readonly rankOf: Int8Array;
  private readonly scoreOf: Float64Array;

  constructor(private readonly count: number) {
    this.mixed = new Uint8Array(count);
    this.bound = new Uint8Array(count);
    this.head = new Int32Array(count);
    this.nextMember = new Int32Array(count);
    this.codeKeys = new Array<string>(count);
    this.sets = new UnionFind(count);
    this.rankOf = new Int8Array(count);
    this.scoreOf = new Float64Array(count).fill(1);
  }

  /** Adds record `index`; `name` null for a name too short or damaged to compare (tax ids still link it). */
  add(index: number, codeKey: string, name: string | null, place: string | null): void {
    this.codeKeys[index] = codeKey;
    if (name === null) return;
    let nameId = this.nameIds.get(name);
    if (nameId === undefined) {
      nameId = this.names.length;
      this.nameIds.set(name, nameId);
      this.names.push(name);
      this.firstClusterOfName.push(-1);
    }
    let cluster = this.firstClusterOfName[nameId]!;
    while (cluster !== -1 && this.clusterPlace[cluster] !== place) cluster = this.nextClusterOfName[cluster]!;
    if (cluster === -1) {
      cluster = this.clusterName.length;
      this.clusterName.push(nameId);
      this.clusterPlace.push(place);
      this.clusterCode.push(codeKey);
      this.nextClusterOfName.push(this.firstClusterOfName[nameId]!);
      this.firstClusterOfName[nameId] = cluster;
      this.head[cluster] = -1;
    } else if (this.clusterCode[cluster] !== codeKey) this.mixed[cluster] = 1;
    this.nextMember[index] = this.head[cluster]!;
    this.head[cluster] = index;
  }

  /** Records sharing a non-empty tax id, when at least two codes share it. */
  linkTaxIds(taxKeys: readonly string[], rank: number): void {
    const first = new Map<string, number>();
    const mixedKeys = new Set<string>();
    for (let index = 0; index < this.count; index++) {
      const key = taxKeys[index]!;
      if (key === '') continue;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else if (this.codeKeys[earlier] !== this.codeKeys[index]) mixedKeys.add(key);
    }
    for (let index = 0; index < this.count; index++) {
      const key = taxKeys[index]!;
      if (!mixedKeys.has(key)) continue;
      this.merge(first.get(key)!, index);
      this.mark(index, rank, 1);
    }
  }

  /** One name: the records of each place together, and those without a place with those of every place. */
  linkSameNames(rank: number): void {
    for (let nameId = 0; nameId < this.names.length; nameId++) {
      let placeless = -1;
      for (let cluster = this.firstClusterOfName[nameId]!; cluster !== -1; cluster = this.nextClusterOfName[cluster]!) {
        this.join([cluster], rank, 1);
        if (this.clusterPlace[cluster] === null) placeless = cluster;
      }
      if (placeless === -1) continue;
      for (let cluster = this.firstClusterOfName[nameId]!; cluster !== -1; cluster = this.nextClusterOfName[cluster]!) {
        if (cluster !== placeless) this.join([placeless, cluster], rank, 1);
      }
    }
  }

  /**
   * Different names that the evidence links pairwise (two similar names, names with one pinyin): their
   * clusters of one place are linked, and a cluster without a place with every cluster of the other names.
   */
  linkNames(nameIds: readonly number[], rank: number, score: number): void {
    const byPlace = new Map<string, number[]>();
    const placeless: number[] = [];
    const all: number[] = [];
    for (const nameId of nameIds) {
      for (let cluster = this.firstClusterOfName[nameId]!; cluster !== -1; cluster = this.nextClusterOfName[cluster]!) {
        all.push(cluster);
        const place = this.clusterPlace[cluster]!;
        if (place === null) placeless.push(cluster);
        else byPlace.set(place, [...(byPlace.get(place) ?? []), cluster]);
      }
    }
    // A lone cluster of a place has no partner here: its own records are the same name's business.
    for (const clusters of byPlace.values()) if (clusters.length > 1) this.join(clusters, rank, score);
    for (const cluster of placeless) {
      for (const other of all) if (this.clusterName[other] !== this.clusterName[cluster]) this.join([cluster, other], rank, score);
    }
  }

  /** Groups with evidence, in no particular order. */
  groups(): EvidenceGroup[] {
    const members = new Map<number, number[]>();
    for (let index = 0; index < this.count; index++) {
      const root = this.sets.find(index);
      if (this.rankOf[root] === 0) continue;
      const list = members.get(root);
      if (list) list.push(index);
      else members.set(root, [index]);
    }
    return [...members].map(([root, list]) => ({ members: list, rank: this.rankOf[root]!, score: this.scoreOf[root]! }));
  }

  /** Links the clusters (pairwise linked by the evidence) when they hold two codes between them. */
  private join(clusters: readonly number[], rank: number, score: number): void {
    const code = this.clusterCode[clusters[0]!];
    if (!clusters.some((cluster) => this.mixed[cluster] === 1 || this.clusterCode[cluster] !== code)) return;
    const anchor = this.head[clusters[0]!]!;
    for (const cluster of clusters) {
      this.bind(cluster);
      this.merge(anchor, this.head[cluster]!);
    }
    this.mark(anchor, rank, score);
  }

  private bind(cluster: number): void {
    if (this.bound[cluster] === 1) return;
    this.bound[cluster] = 1;
    const first = this.head[cluster]!;
    for (let member = this.nextMember[first]!; member !== -1; member = this.nextMember[member]!) this.merge(first, member);
  }

  private merge(a: number, b: number): void {
    const rootA = this.sets.find(a);
    const rootB = this.sets.find(b);
    if (rootA === rootB) return;
    const rank = Math.max(this.rankOf[rootA]!, this.rankOf[rootB]!);
    const score = Math.min(this.scoreOf[rootA]!, this.scoreOf[rootB]!);
    const root = this.sets.union(rootA, rootB);
    this.rankOf[root] = rank;
    this.scoreOf[root] = score;
  }

  private mark(member: number, rank: number, score: number): void {
    const root = this.sets.find(member);
    this.rankOf[root] = Math.max(this.rankOf[root]!, rank);
    this.scoreOf[root] = Math.min(this.scoreOf[root]!, score);
  }
}
