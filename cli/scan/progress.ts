// A progress line on stderr for scans that take more than a second, on a terminal only:
// piped or redirected output gets nothing extra.

export function progressLine(stream: NodeJS.WriteStream = process.stderr): {
  update: (done: number, total: number) => void;
  end: () => void;
} {
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - start < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const rate = done / ((now - start) / 1000);
      stream.write(`\r\x1b[2Kscanning ${done}/${total} files, ${rate.toFixed(0)} files/s`);
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
