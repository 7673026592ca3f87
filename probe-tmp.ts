import { readSourceFolder } from "./src/ingest/read-source-folder.js";
import { documentsOf } from "./src/index/index-source-folder.js";
import { chunkDocument } from "./src/index/chunk-document.js";
const source = await readSourceFolder("data/demo");
const docs = documentsOf(source);
let n = 0;
for (const d of docs) for (const c of chunkDocument(d)) { n++; }
console.log("chunks", n);
for (const d of docs.filter(d => d.accountId === process.argv[2])) {
  console.log("=== " + d.sourceRef);
  for (const c of chunkDocument(d)) console.log(`  [${c.ordinal}] ${c.text.replace(/\s+/g, " ").slice(0, 260)}`);
}
