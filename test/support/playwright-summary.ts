import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Ends the browser run with one plain line, `E2E: N passed, N failed[, N skipped]`, for CI to read. */
export default class PlaywrightSummary implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // Count each test once, by its final outcome after retries.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.passed += 1;
    else if (result.status === 'skipped') this.skipped += 1;
    else this.failed += 1;
  }

  onEnd(result: FullResult): void {
    const failed = this.failed + (result.status === 'failed' && this.failed === 0 ? 1 : 0);
    console.log(`\nE2E: ${this.passed} passed, ${failed} failed${this.skipped > 0 ? `, ${this.skipped} skipped` : ''}`);
  }
}
