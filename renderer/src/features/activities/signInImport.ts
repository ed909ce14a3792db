// 导入签到表: the activity form's sign-in sheet, read in the roster worker (readRosterInBackground:
// the same reader, limits and refusals as 名单导入, never on the page) and matched to the live roster
// (by the creditCode and name indexes). Reads only: the form adds the matched enterprises to its list,
// and nothing is stored until the activity is saved.
import { enterpriseNameKey, findSignInHeader, matchSignInSheet, signInKeys, type SignInEnterprise, type SignInResult } from '../../../../shared/activities/signInSheet';
import { RosterFileError } from '../../../../shared/roster/readRosterFile';
import type { Enterprise } from '../../../../shared/domain/records';
import { isLive } from '../../../../shared/sync/recordStamp';
import { ledgerDb } from '../../db/db';
import { readRosterInBackground } from '../roster/readRosterInBackground';

const slim = (e: Enterprise): SignInEnterprise => ({ id: e.id, name: e.name, creditCode: e.creditCode, town: e.town });

/** Reads and matches a sign-in sheet; a file that cannot be used is refused with a RosterFileError in Chinese. */
export async function readSignInSheet(file: File): Promise<SignInResult> {
  const sheet = await readRosterInBackground(file);
  const header = findSignInHeader(sheet);
  if (!header) {
    throw new RosterFileError(`文件「${file.name}」前 10 行中没有找到表头（应有“企业名称”或“单位名称”列，以及“统一社会信用代码”“参会人员”“姓名”等列之一）`);
  }
  if (sheet.rows.length <= header.index + 1) throw new RosterFileError(`文件「${file.name}」只有表头，没有签到记录`);
  const { codes, names } = signInKeys(sheet, header);
  const [byCodeRows, byNameRows] = await Promise.all([
    codes.length ? ledgerDb().enterprises.where('creditCode').anyOf(codes).filter(isLive).toArray() : [],
    names.length ? ledgerDb().enterprises.where('name').anyOf(names).filter(isLive).toArray() : [],
  ]);
  const byName = new Map<string, SignInEnterprise[]>();
  for (const e of byNameRows) byName.set(enterpriseNameKey(e.name), [...(byName.get(enterpriseNameKey(e.name)) ?? []), slim(e)]);
  return matchSignInSheet(sheet, header, { byCode: new Map(byCodeRows.map((e) => [e.creditCode, slim(e)])), byName });
}
