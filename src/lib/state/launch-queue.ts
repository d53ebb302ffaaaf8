/*
 * The installed app opens `.json` backups (the manifest's `file_handlers`) and its shortcuts
 * in the window that is already open (`launch_handler: focus-existing`): the browser then
 * hands the launch to `window.launchQueue` instead of loading a page, and this module turns it
 * into a backup to preview or a page to show.
 */

/** The part of a file handle a launch carries that the app uses. */
export type LaunchedFileHandle = { kind?: string; name?: string; getFile(): Promise<File> };

/** What the browser passes to the launch consumer (`LaunchParams`). */
export type LaunchParamsLike = {
  targetURL?: string | null;
  files?: readonly LaunchedFileHandle[];
};

/** What a launch asks for: a backup to open, a page of the app to show, or nothing new. */
export type LaunchAction =
  { kind: 'file'; handle: LaunchedFileHandle } | { kind: 'navigate'; path: string } | null;

/**
 * The action for a launch while the app shows `here`. Only the first file is opened (the
 * restore takes one backup at a time); a launch of the page already shown changes nothing,
 * and an address of another origin is never followed.
 */
export function launchAction(params: LaunchParamsLike, here: URL): LaunchAction {
  const file = params.files?.find((f) => f.kind === undefined || f.kind === 'file');
  if (file) return { kind: 'file', handle: file };
  if (!params.targetURL) return null;
  let target: URL;
  try {
    target = new URL(params.targetURL, here);
  } catch {
    return null;
  }
  if (target.origin !== here.origin) return null;
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path === `${here.pathname}${here.search}${here.hash}` ? null : { kind: 'navigate', path };
}

type LaunchQueueLike = { setConsumer(consumer: (params: LaunchParamsLike) => unknown): void };

/**
 * Listens for launches of the installed app (where the browser has a launch queue): a file
 * goes to `open` (which shows it in the restore preview), a shortcut's page to `navigate`.
 * Returns whether the browser has a launch queue.
 */
export function listenForLaunches(
  scope: object,
  here: () => URL,
  go: { open: (file: File) => Promise<unknown>; navigate: (path: string) => Promise<unknown> },
): boolean {
  const queue = (scope as { launchQueue?: LaunchQueueLike }).launchQueue;
  if (typeof queue?.setConsumer !== 'function') return false;
  queue.setConsumer(async (params) => {
    const action = launchAction(params, here());
    if (action?.kind === 'file') {
      // A file that cannot be read is left alone: the app stays where it was.
      const file = await action.handle.getFile().catch(() => null);
      if (!file) return;
      await go.open(file);
    } else if (action?.kind === 'navigate') await go.navigate(action.path);
  });
  return true;
}
