import { indexSourceFolder, type IndexProgressEvent, type IndexSummary } from "../../index/index-source-folder.js";
import { readChangedSourceFolder } from "../../index/source-fingerprints.js";
import { readSourceFolder, type SourceFolder } from "../../ingest/read-source-folder.js";
import type { Services } from "../services.js";

export interface IndexFoldersInput {
  /** Absolute folder paths, laid out as data/README.md describes. */
  readonly folders: readonly string[];
  readonly prune?: boolean;
  /** Forget every stored document and vector (before the first folder) and embed again. */
  readonly reembed?: boolean;
  readonly chunksPerBatch?: number;
  /** Progress of one folder; `stop` is called when that folder is done, even when it failed. */
  readonly progress?: (folder: string) => { handle(event: IndexProgressEvent): void; stop(): void };
}

export interface FolderIndexed {
  readonly folder: string;
  readonly summary: IndexSummary;
}

/**
 * Indexes folders with the configured embedder; unchanged files are not even parsed. The vendor profile
 * of each folder is stored with it.
 *
 * @example const results = await indexFolders(services, { folders: ["/data/demo"] });
 */
export async function indexFolders(services: Services, input: IndexFoldersInput): Promise<FolderIndexed[]> {
  const embedder = services.embedder();
  const results: FolderIndexed[] = [];
  for (const [position, folder] of input.folders.entries()) {
    // Once, before the first folder: a reset before the second would forget the first.
    const reembed = input.reembed === true && position === 0;
    // --reembed forgets what was indexed, so every file must be read again.
    const source = reembed ? await readSourceFolder(folder) : await readChangedSourceFolder(services.database, folder, { embedder });
    results.push({ folder, summary: await indexSource(services, source, { ...input, reembed, progressOf: input.progress?.(folder) }) });
  }
  return results;
}

/** Indexes a source folder already read (the demo reads it first to show what it holds). */
export async function indexSource(
  services: Services,
  source: SourceFolder,
  options: { readonly prune?: boolean; readonly reembed?: boolean; readonly chunksPerBatch?: number; readonly progressOf?: { handle(event: IndexProgressEvent): void; stop(): void } | undefined } = {},
): Promise<IndexSummary> {
  const progress = options.progressOf;
  try {
    return await indexSourceFolder(services.database, source, {
      embedder: services.embedder(),
      toolVersion: services.toolVersion,
      prune: options.prune === true,
      reembed: options.reembed === true,
      ...(options.chunksPerBatch === undefined ? {} : { chunksPerBatch: options.chunksPerBatch }),
      ...(progress === undefined ? {} : { onProgress: (event: IndexProgressEvent) => progress.handle(event) }),
    });
  } finally {
    progress?.stop();
  }
}
