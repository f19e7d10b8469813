// OCR benchmark: a 1080p photo-sized image of a ward whiteboard read by the worker's engine.
// Run: node -r @swc-node/register bench/ocr.ts (exits 1 when the target is missed).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TextRecognizer } from '@rounds/domain';
import { renderTextImage } from '../test/support/text-image';

const TARGET_MS = 3000;
const WARM_RUNS = 7;
const BASELINE_RUNS = 3;

// What a whiteboard at a nurses' station carries: rooms, names, record numbers, plans.
const BOARD = [
  'ICU 4 North — Tuesday',
  'Room 412  Maria Gonzalez  MRN 48213377',
  'Room 414  James Carter  MRN 50119204',
  'Room 416  Ana Lucia Pérez  MRN 47733018',
  'Charge nurse: T. Okafor   ext. 4471',
  'Discharge today: 414 after 2 pm',
  'Fall risk: 412, 416',
  'Family meeting 3:30 pm conference room B',
  'Alta hoy: habitación 414',
];

async function read(recognizer: TextRecognizer, image: Buffer): Promise<[number, string]> {
  const t0 = performance.now();
  const { text } = await recognizer.read(image);
  return [performance.now() - t0, text];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

async function main() {
  const image = await renderTextImage({
    width: 1920,
    height: 1080,
    lines: BOARD.map((text, i) => ({ text, x: 120 + (i % 2) * 40, y: 60 + i * 105, size: 54 })),
  });
  console.log(
    `image: 1920×1080 PNG, ${(image.length / 1024).toFixed(0)} KiB, ${BOARD.length} lines`,
  );
  console.log(`machine: ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);

  // Baseline: a new engine for each image, as calling Tesseract.recognize() per upload does.
  const baseline: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) {
    const fresh = new TextRecognizer();
    baseline.push((await read(fresh, image))[0]);
    await fresh.onModuleDestroy();
  }

  // The worker keeps one engine: the first image pays for starting it, the rest do not.
  const engine = new TextRecognizer();
  const [first] = await read(engine, image);
  const warm: number[] = [];
  let text = '';
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < WARM_RUNS; i++) {
    const [elapsed, read_] = await read(engine, image);
    warm.push(elapsed);
    text = read_;
  }
  const cpu = process.cpuUsage(cpu0);
  await engine.onModuleDestroy();

  const found = ['48213377', '50119204', '47733018'].filter((mrn) => text.includes(mrn));
  const worst = Math.max(...warm);
  console.table({
    'kept engine (worker), p50': ms(median(warm)),
    'kept engine (worker), worst': ms(worst),
    'kept engine, CPU time per image (all threads)': ms((cpu.user + cpu.system) / 1000 / WARM_RUNS),
    'first image (engine start included)': ms(first),
    'new engine per image (baseline), p50': ms(median(baseline)),
    'speed-up of the kept engine at p50': `${(median(baseline) / median(warm)).toFixed(1)}×`,
    'MRNs read (of 3)': found.length,
    target: `p50 ≤ ${TARGET_MS} ms`,
  });
  // Wall time at p50: the worst read mostly measures the other processes sharing the cores.
  const missed = median(warm) > TARGET_MS || found.length < 3;
  if (missed) console.error(`[ocr] target missed: p50 ${ms(median(warm))}, MRNs ${found.length}/3`);
  process.exit(missed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
