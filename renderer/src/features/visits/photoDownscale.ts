// A photo made smaller on the laptop before it is stored (issue 12): decoded with the camera's
// orientation applied (a phone photo taken upright stays upright once its EXIF is gone), drawn with
// its longer side at 1920 px on an OffscreenCanvas, and encoded as JPEG. Only the formats the
// browser both decodes everywhere and can re-encode (JPEG, PNG, WebP); HEIC and the rest are stored
// as picked, under the size limit. The re-encoded file drops the EXIF block (camera, time, GPS).
import { attachmentLimits, downscaledFileName, downscaledSize, isDownscalableType } from '../../../../shared/visits/attachmentLimits';

export interface DownscaledPhoto {
  blob: Blob;
  fileName: string;
  mimeType: 'image/jpeg';
  width: number;
  height: number;
}

/**
 * The smaller JPEG of a photo, or undefined when it is kept as picked: not a format re-encoded
 * here, small enough already, not decodable (a damaged file is stored as it is, like any file), or
 * no smaller once encoded.
 */
export async function downscalePhoto(blob: Blob, fileName: string, mimeType: string): Promise<DownscaledPhoto | undefined> {
  if (!isDownscalableType(mimeType)) return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
  try {
    // The bitmap's size is the photo as shown: orientation applied, so a portrait stays portrait.
    const target = downscaledSize(bitmap.width, bitmap.height);
    if (!target) return undefined;
    const canvas = new OffscreenCanvas(target.width, target.height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    // JPEG has no transparency: a transparent PNG's background turns white, not black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, target.width, target.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, target.width, target.height);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: attachmentLimits.photoQuality });
    if (jpeg.size >= blob.size) return undefined;
    return { blob: jpeg, fileName: downscaledFileName(fileName), mimeType: 'image/jpeg', width: target.width, height: target.height };
  } catch {
    // Out of memory for a huge picture, a canvas refused: the photo is kept as picked.
    return undefined;
  } finally {
    bitmap.close();
  }
}
