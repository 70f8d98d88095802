package prefetch

// RowBytes is how much of a row [Row] asks for: five cache lines.
const RowBytes = 320
