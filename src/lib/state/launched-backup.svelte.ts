/** A backup file the app was launched with, waiting for the backup page to preview it. */
class LaunchedBackup {
  file = $state.raw<File | null>(null);

  /** The waiting file, handed over once. */
  take(): File | null {
    const file = this.file;
    this.file = null;
    return file;
  }
}

export const launchedBackup = new LaunchedBackup();
