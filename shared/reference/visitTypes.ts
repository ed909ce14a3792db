// Visit types: the activities seed 000 lists for the service month (调研走访、政策宣讲、对话沙龙、
// 现场联合办公) plus the phone follow-up officers use between visits.
export const defaultVisitTypes: readonly string[] = ['调研走访', '政策宣讲', '对话沙龙', '现场联合办公', '电话回访'];
