import { describe, expect, it, vi } from 'vitest';
import { launchAction, listenForLaunches, type LaunchParamsLike } from './launch-queue';

const HERE = new URL('https://talentloop.example/loops/numbers?id=p1');
const handle = (name: string, kind = 'file') => ({
  kind,
  name,
  getFile: async () => new File(['{}'], name, { type: 'application/json' }),
});

describe('launchAction', () => {
  it('opens the first file of a launch, whatever the address', () => {
    const first = handle('a.json');
    const params = { targetURL: 'https://talentloop.example/backup', files: [first, handle('b')] };
    expect(launchAction(params, HERE)).toEqual({ kind: 'file', handle: first });
  });

  it('skips a folder and opens the file after it', () => {
    const file = handle('a.json');
    expect(launchAction({ files: [handle('dir', 'directory'), file] }, HERE)).toEqual({
      kind: 'file',
      handle: file,
    });
  });

  it('shows the page of a shortcut, and nothing new for the page already shown', () => {
    expect(
      launchAction({ targetURL: 'https://talentloop.example/backup', files: [] }, HERE),
    ).toEqual({ kind: 'navigate', path: '/backup' });
    expect(launchAction({ targetURL: HERE.href }, HERE)).toBeNull();
    expect(launchAction({}, HERE)).toBeNull();
  });

  it('never follows an address of another origin or one that is not an address', () => {
    expect(launchAction({ targetURL: 'https://elsewhere.example/backup' }, HERE)).toBeNull();
    expect(launchAction({ targetURL: 'http://[' }, HERE)).toBeNull();
  });
});

describe('listenForLaunches', () => {
  function queue() {
    let consumer: ((params: LaunchParamsLike) => unknown) | undefined;
    return {
      scope: { launchQueue: { setConsumer: (c: typeof consumer) => (consumer = c) } },
      launch: (params: LaunchParamsLike) => consumer?.(params),
    };
  }

  it('says so where the browser has no launch queue', () => {
    const go = { open: vi.fn(), navigate: vi.fn() };
    expect(listenForLaunches({}, () => HERE, go)).toBe(false);
  });

  it('hands a launched file to `open` and a shortcut’s page to `navigate`', async () => {
    const { scope, launch } = queue();
    const go = { open: vi.fn(async (_file: File) => {}), navigate: vi.fn(async () => {}) };
    expect(listenForLaunches(scope, () => HERE, go)).toBe(true);
    await launch({ files: [handle('backup.json')] });
    expect(go.open).toHaveBeenCalledOnce();
    const file = go.open.mock.calls[0]![0];
    expect(file.name).toBe('backup.json');
    expect(await file.text()).toBe('{}');
    await launch({ targetURL: 'https://talentloop.example/numbers' });
    expect(go.navigate).toHaveBeenCalledWith('/numbers');
  });

  it('leaves the app where it is when the launched file cannot be read', async () => {
    const { scope, launch } = queue();
    const go = { open: vi.fn(async () => {}), navigate: vi.fn(async () => {}) };
    listenForLaunches(scope, () => HERE, go);
    await launch({
      files: [{ kind: 'file', getFile: () => Promise.reject(new Error('gone')) }],
    });
    expect(go.open).not.toHaveBeenCalled();
    expect(go.navigate).not.toHaveBeenCalled();
  });
});
