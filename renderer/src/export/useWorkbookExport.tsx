// The export button's side of exportWorkbook, the same on every page that writes a workbook: while it
// runs, a progress bar (rows written / total, the sheet being written) with 取消导出; afterwards one
// message — the page's own on success, 已取消导出 on cancel, 导出失败 with the reason on failure.
import { App as AntApp, Button, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { describeError } from '../../../shared/errors/describeError';
import type { ExportOptions, ExportOutcome, ExportProgress } from './workbookExport';

export interface WorkbookExportControl {
  /** Null when no export is running. */
  progress: ExportProgress | null;
  exporting: boolean;
  /**
   * Runs one export: `start` gets the options to pass to its export function (progress and the
   * cancel signal); `savedMessage` words the success message from the saved file's name.
   */
  run(start: (options: ExportOptions) => Promise<ExportOutcome>, savedMessage: (fileName: string) => string): Promise<void>;
  cancel(): void;
}

export function useWorkbookExport(): WorkbookExportControl {
  const { message } = AntApp.useApp();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  async function run(start: (options: ExportOptions) => Promise<ExportOutcome>, savedMessage: (fileName: string) => string) {
    if (abortRef.current) return; // one export at a time per page
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ sheet: '', written: 0, total: 1 });
    try {
      const outcome = await start({ signal: controller.signal, onProgress: setProgress });
      if (outcome.status === 'saved') message.success(savedMessage(outcome.fileName));
      else message.info('已取消导出，未保存文件');
    } catch (error) {
      message.error(`导出失败：${describeError(error)}`);
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  }

  return { progress, exporting: progress !== null, run, cancel: () => abortRef.current?.abort() };
}

/** The running export's progress and its cancel button; renders nothing when none runs. */
export function ExportProgressBar({ control }: { control: WorkbookExportControl }) {
  const { progress } = control;
  if (!progress) return null;
  return (
    <Space align="center" style={{ width: '100%' }} aria-live="polite">
      <Progress
        style={{ width: 360 }}
        percent={Math.min(100, Math.floor((progress.written / Math.max(1, progress.total)) * 100))}
        status="active"
      />
      <Typography.Text>
        {progress.sheet ? `正在写入“${progress.sheet}”：` : '正在准备：'}已写入 {progress.written} / {progress.total} 行
      </Typography.Text>
      <Button danger onClick={control.cancel}>
        取消导出
      </Button>
    </Space>
  );
}
