// Starts `appcert lsp` (the binary path is the `appcert.path` setting) for the JSON and YAML
// files of Teams / Microsoft 365 app packages. The server finds each file's package itself.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function initializationOptions(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration("appcert");
  const options: Record<string, unknown> = {
    denyWarnings: c.get<boolean>("denyWarnings", false),
    debounceMs: c.get<number>("debounceMs", 150),
  };
  for (const key of ["profile", "config", "env"]) {
    const v = c.get<string>(key, "");
    if (v) {
      options[key] = v;
    }
  }
  return options;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("appcert").get<string>("path", "appcert") || "appcert";
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"] },
    debug: { command, args: ["lsp"] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "json" },
      { scheme: "file", language: "jsonc" },
      { scheme: "file", language: "yaml" },
    ],
    initializationOptions: initializationOptions(),
  };
  client = new LanguageClient("appcert", "appcert", serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("appcert.restart", async () => {
      await client?.stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("appcert")) {
        await client?.stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
