// The tillsynsberättelse for a year as PDF (data, document, drawing, charts).
import type { BenchArea } from '../context.ts';
import type { DownloadFile } from '../../../db/api/fields.ts';

export const reportsArea: BenchArea = {
  name: 'reports',
  needs: 'session',
  async run({ api, recorder }) {
    if (!api) throw new Error('needs the API');
    await recorder.time<DownloadFile>({
      name: 'tillsynsberättelse PDF (2025)',
      budget: { max: 3000 },
      reps: 3,
      app: () => api.call('reports.annualPdf', { year: 2025 }),
      check: (file) => (Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString() === '%PDF-' ? null : 'not a PDF'),
    });
  },
};
