// Placeholder entry until the server lands (issue 4).
import { VERSION } from "./version.ts";

if (process.argv.includes("--version")) console.log(`chat-server ${VERSION}`);
else console.log("usage: chat-server [--version]");
