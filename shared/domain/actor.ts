// Who acts on this laptop: the officer named in 设置, their department (the default 责任部门 of a
// problem handled in-house) and the device id that merges rely on. Every write stamps records with
// it; repositories read it from the settings themselves, so no screen has to fetch it first. Pure.

export interface Actor {
  officerName: string;
  officerDepartment: string;
  deviceId: string;
}

/** The officer's name as history and stamps show it: 未署名 until 设置 names one. */
export function actorName(actor: Pick<Actor, 'officerName'>): string {
  return actor.officerName.trim() || '未署名';
}

/** The actor of a settings row (the settings carry more; only these three act). */
export function actorOf(settings: Actor): Actor {
  return { officerName: settings.officerName, officerDepartment: settings.officerDepartment, deviceId: settings.deviceId };
}
