/**
 * A stored record that cannot be decoded: torn, bit-flipped, or from an
 * unknown format. Codecs throw it; the loader adds where the record lives
 * (key, index, file) and turns it into DATA_DIR_CORRUPT.
 */
export class RecordProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordProblem';
  }
}
