// Photos and files of a visit: picked with a plain file input (works in the browser and in
// Electron), shown as thumbnails through object URLs that are revoked when they leave the screen.
import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { PendingFile } from './visitRepo';

export interface ShownAttachment {
  key: string;
  fileName: string;
  mimeType: string;
  blob: Blob;
  /** Stored already (editing), as opposed to picked on this form. */
  stored: boolean;
}

/**
 * Points an <img> or <a> at the Blob through an object URL, revoked when the tile leaves the
 * screen. Set through the element (not state) so creating and revoking stay paired in one effect.
 */
function useObjectUrlOn<E extends HTMLImageElement | HTMLAnchorElement>(blob: Blob) {
  const element = useRef<E>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    const el = element.current;
    if (el instanceof HTMLImageElement) el.src = url;
    else if (el) el.href = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return element;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function AttachmentTile({ item, onRemove }: { item: ShownAttachment; onRemove?: () => void }) {
  const isImage = item.mimeType.startsWith('image/');
  const image = useObjectUrlOn<HTMLImageElement>(item.blob);
  const link = useObjectUrlOn<HTMLAnchorElement>(item.blob);
  return (
    <div className="attachment-tile" aria-label={`附件 ${item.fileName}`} role="group">
      {isImage ? (
        <img ref={image} alt={item.fileName} />
      ) : (
        <FileOutlined style={{ fontSize: 40, display: 'block', margin: '18px auto 22px', color: '#8c8c8c' }} />
      )}
      <div className="attachment-name" title={item.fileName}>
        <a ref={link} download={item.fileName}>
          {item.fileName}
        </a>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {sizeText(item.blob.size)}
      </Typography.Text>
      {onRemove ? (
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`移除附件 ${item.fileName}`} />
      ) : null}
    </div>
  );
}

export function filesToPending(files: FileList | readonly File[]): PendingFile[] {
  return Array.from(files).map((file) => ({
    key: globalThis.crypto.randomUUID(),
    fileName: file.name,
    mimeType: file.type || 'application/octet-stream',
    // A File is a Blob; keep it as a plain Blob so the draft's structured clone is the same everywhere.
    blob: file.slice(0, file.size, file.type),
  }));
}

/** The tiles only, without adding or removing: the read-only visit page. */
export function AttachmentList({ items }: { items: ShownAttachment[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">尚无附件</Typography.Text>;
  return (
    <div className="attachment-grid">
      {items.map((item) => (
        <AttachmentTile key={item.key} item={item} />
      ))}
    </div>
  );
}

export function AttachmentPanel({
  items,
  onAdd,
  onRemove,
}: {
  items: ShownAttachment[];
  onAdd: (files: PendingFile[]) => void;
  onRemove: (item: ShownAttachment) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div>
      <input
        ref={input}
        type="file"
        multiple
        aria-label="选择附件文件"
        style={{ display: 'none' }}
        onChange={(e) => {
          if (e.target.files && e.target.files.length > 0) onAdd(filesToPending(e.target.files));
          e.target.value = '';
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()} style={{ marginBottom: 12 }}>
        添加照片或文件
      </Button>
      {items.length > 0 ? (
        <div className="attachment-grid">
          {items.map((item) => (
            <AttachmentTile key={item.key} item={item} onRemove={() => onRemove(item)} />
          ))}
        </div>
      ) : (
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          尚无附件
        </Typography.Text>
      )}
    </div>
  );
}
