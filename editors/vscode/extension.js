// The cjm extension: colours come from syntaxes/cjm.tmLanguage.json; everything else
// (diagnostics, completion, hover, outline, rename, formatting) from the language server,
// `cjm lsp`, started here over stdio. Plain JavaScript: no build step.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const settings = vscode.workspace.getConfiguration("cjm");
  if (!settings.get("server.enabled", true)) {
    return;
  }
  const command = settings.get("server.command", "cjm");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "cjm",
    "cjm language server",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "cjm" },
        { scheme: "untitled", language: "cjm" },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.cjm") },
    },
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("cjm.server")) {
        vscode.window.showInformationMessage("Reload the window to apply the new cjm settings.");
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    client = undefined;
    vscode.window.showWarningMessage(
      `cjm: could not start the language server with \`${command} lsp\` (${error.message || error}). ` +
        'Install it with `pip install ".[lsp]"` in the cjmdsl checkout, or set ' +
        '"cjm.server.command" to the cjm of your virtual environment. Colours still work.',
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
