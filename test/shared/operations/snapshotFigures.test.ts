// Numbers read out of the free-text operations snapshots of older visits: a table of phrases officers
// typed, those read and those that must NOT be read (ranges, several numbers, dates, bounds, plans,
// other periods, foreign currency, no unit); and properties: nothing is read that is not written in
// the text, and a second number always stops the reading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureOfferKey, figureOffers } from '../../../shared/operations/figureOffers';
import {
  readSnapshotText,
  shiftDecimal,
  snapshotFigures,
  type SnapshotFigureSource,
} from '../../../shared/operations/snapshotFigures';

type Row = [SnapshotFigureSource, string, string | undefined, number | undefined, boolean?];

// source, text, figure read (undefined: not read), value (万元 / 人 / 个月), approximate
const read: Row[] = [
  ['employment', '用工 320 人', 'employees', 320],
  ['employment', '在岗员工320人，用工稳定', 'employees', 320],
  ['employment', '现有员工１，２００名', 'employees', 1200],
  ['employment', '员工约 500 人', 'employees', 500, true],
  ['employment', '用工 500 人左右', 'employees', 500, true],
  ['employment', '用工增加到 320 人', 'employees', 320],
  ['employment', '缺工 30 人', 'vacancies', 30],
  ['employment', '一线用工缺口约 40 人', 'vacancies', 40, true],
  ['orders', '在手订单 3 个月', 'orderMonths', 3],
  ['orders', '订单饱满，可排产 4.5 个月', 'orderMonths', 4.5],
  ['outputValue', '产值 1.2 亿元', 'outputValueYtd', 12000],
  ['outputValue', '今年产值 8000 万元，同比增长 15%', 'outputValueYtd', 8000],
  ['outputValue', '本月产值 1,350 万元', 'outputValue', 1350],
  ['outputValue', '累计产值 2.35 亿', 'outputValueYtd', 23500],
  ['outputValue', '产值3000000元', 'outputValueYtd', 300],
  ['outputValue', '产值 12345 元', 'outputValueYtd', 1.2345],
  ['newInvestment', '新增投资 3000 万', 'newInvestmentYtd', 3000],
  ['newInvestment', '增资扩股 0.5 亿元，已到位', 'newInvestmentYtd', 5000],
];

const notRead: [SnapshotFigureSource, string, string][] = [
  ['orders', '订单饱满，排产到 3 月', '月份'],
  ['employment', '用工 -20 人', '区间'],
  ['employment', '用工 300-350 人', '多个数字'],
  ['employment', '用工 300 至 350 人', '多个数字'],
  ['employment', '在岗 320 人，缺工 20 人', '多个数字'],
  ['employment', '员工 300 余人', '上下限'],
  ['employment', '员工 300 多人', '上下限'],
  ['employment', '员工超过 300 人', '上下限'],
  ['employment', '员工近 300 人', '上下限'],
  ['employment', '员工三百人', '汉字'],
  ['employment', '用工 320', '没有单位'],
  ['employment', '培训 320 人次', '没有单位'],
  ['employment', '计划招工 50 人', '计划'],
  ['employment', '用工 320.5 人', '不是整数'],
  ['outputValue', '1-10 月产值 2 亿元', '多个数字'],
  ['outputValue', '2026年产值 1.2 亿元', '多个数字'],
  ['outputValue', '预计全年产值 5 亿元', '计划'],
  ['outputValue', '去年产值 1.2 亿元', '不是本月或本年'],
  ['outputValue', '人均产值 80 万元', '不是本月或本年'],
  ['outputValue', '产值同比增长 15%', '只有百分比'],
  ['outputValue', '产值增长百分之十五', '只有百分比'],
  ['outputValue', '产值 1.2', '没有金额单位'],
  ['newInvestment', '新增投资 500 万美元', '外币'],
  ['newInvestment', '拟新增投资 3000 万元', '计划'],
  ['newInvestment', '新上 3 号线，投资 2000 万元', '多个数字'],
  ['orders', '订单 3', '没有单位'],
];

describe('readSnapshotText', () => {
  it.each(read)('%s「%s」→ %s %s', (source, text, key, value, approximate = false) => {
    expect(readSnapshotText(source, text)).toEqual({ figure: expect.objectContaining({ source, key, value, approximate }) });
  });

  it.each(notRead)('%s「%s」is not read (%s)', (source, text, reason) => {
    const reading = readSnapshotText(source, text);
    expect(reading).toEqual({ skipped: expect.stringContaining(reason) });
  });

  it('offers nothing and says nothing for text with no number', () => {
    expect(readSnapshotText('orders', '订单饱满')).toBeUndefined();
    expect(readSnapshotText('employment', '')).toBeUndefined();
  });

  it('reads each field of a snapshot, never the supply-chain text', () => {
    const figures = snapshotFigures({ employment: '用工 320 人', orders: '订单饱满，排产到 3 月', supplyChain: '缺少 2 家配套厂', outputValue: '产值 1.2 亿元', newInvestment: '新增投资 3000 万' });
    expect(figures.map((f) => [f.key, f.value])).toEqual([
      ['employees', 320],
      ['outputValueYtd', 12000],
      ['newInvestmentYtd', 3000],
    ]);
  });

  it('moves the decimal point exactly', () => {
    expect(shiftDecimal('1.2', 4)).toBe(12000);
    expect(shiftDecimal('0.07', 4)).toBe(700);
    expect(shiftDecimal('3', -4)).toBe(0.0003);
    expect(shiftDecimal('12345.6', -4)).toBe(1.23456);
  });
});

describe('readSnapshotText never invents a number', () => {
  const pieces = ['用工', '产值', '新增投资', '在手订单', '约', '左右', '人', '名', '个月', '万元', '亿元', '元', '万', '亿', '，', ' ', '%', '.', '-', '本月', '缺工', '订单饱满', '１', ','];
  const number = fc.oneof(fc.integer({ min: 0, max: 99999 }).map(String), fc.double({ min: 0, max: 1000, noNaN: true }).map((d) => d.toFixed(2)), fc.integer({ min: 1000, max: 9999999 }).map((n) => n.toLocaleString('en-US')));
  const scattered = fc.array(fc.oneof(fc.constantFrom(...pieces), number), { maxLength: 8 }).map((parts) => parts.join(''));
  // A phrase shaped as officers write one (a label, maybe 约, a number, a unit, maybe more words), so many are read.
  const phrase = fc
    .tuple(fc.constantFrom('用工', '在岗员工', '产值', '本月产值', '新增投资', '在手订单', '缺工', ''), fc.constantFrom('', ' ', '约'), number, fc.constantFrom(' ', ''), fc.constantFrom('人', '名', '个月', '万元', '亿元', '元', '万', '亿', '%', ''), fc.constantFrom('', '左右', '，订单饱满', '，同比增长 5%', '余'))
    .map((parts) => parts.join(''));
  const text = fc.oneof(scattered, phrase);
  const source = fc.constantFrom<SnapshotFigureSource>('employment', 'orders', 'outputValue', 'newInvestment');
  const shifts: Record<string, number> = { 亿元: 4, 亿: 4, 万元: 0, 万: 0, 元: -4, 人: 0, 名: 0, 个月: 0 };

  it('a read figure is a number written in the text, moved only by its written unit', () => {
    fc.assert(
      fc.property(source, text, (field, written) => {
        const reading = readSnapshotText(field, written);
        if (!reading || !('figure' in reading)) return;
        const { figure } = reading;
        expect(written.normalize('NFKC')).toContain(figure.written);
        expect(figure.value).toBe(shiftDecimal(figure.written.replace(/,/g, ''), shifts[figure.writtenUnit]!));
      }),
      { numRuns: 500 },
    );
  });

  it('a second number in the text stops the reading', () => {
    fc.assert(
      fc.property(source, text, fc.integer({ min: 0, max: 9999 }), (field, written, other) => {
        const reading = readSnapshotText(field, `${written}，另有 ${other} 项`);
        if (reading && 'figure' in reading) throw new Error(`read ${reading.figure.value} from「${written}，另有 ${other} 项」`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('figureOffers', () => {
  const visit = (id: string, date: string, operations: Partial<Record<'employment' | 'orders' | 'supplyChain' | 'outputValue' | 'newInvestment', string>>) => ({
    id,
    date,
    operations: { employment: '', orders: '', supplyChain: '', outputValue: '', newInvestment: '', ...operations },
  });

  it('offers a figure for the month of its visit when that month has none, from the month\'s latest visit', () => {
    const offers = figureOffers(
      [
        visit('v1', '2026-11-03', { employment: '用工 300 人' }),
        visit('v2', '2026-11-12', { employment: '用工 320 人', outputValue: '产值 1.2 亿元' }),
        visit('v3', '2026-10-08', { employment: '用工 310 人', newInvestment: '新增投资 3000 万' }),
        visit('v4', '2026-12-01', { employment: '用工 330 人' }),
      ],
      [{ month: '2026-10', employees: 305 }],
      '2026-11',
    );
    expect(offers.map((o) => [o.month, o.figure.key, o.figure.value, o.visitDate])).toEqual([
      ['2026-11', 'employees', 320, '2026-11-12'],
      ['2026-11', 'outputValueYtd', 12000, '2026-11-12'],
      ['2026-10', 'newInvestmentYtd', 3000, '2026-10-08'],
    ]);
    expect(offers[0]!.text).toBe('用工 320 人');
  });

  it('an ignored offer is not offered again, until the text says another value', () => {
    const visits = [visit('v2', '2026-11-12', { employment: '用工 320 人' })];
    const [offer] = figureOffers(visits, [], '2026-11');
    expect(figureOffers(visits, [], '2026-11', new Set([figureOfferKey(offer!)]))).toEqual([]);
    expect(figureOffers([visit('v2', '2026-11-12', { employment: '用工 330 人' })], [], '2026-11', new Set([figureOfferKey(offer!)]))).toHaveLength(1);
  });
});
