// Status answers of the three seed APIs, normalized to one shape the engine and the UI understand.
import { apiError } from './errors.js';

const str = (value) => (typeof value === 'string' && value ? value : null);

function genlook(raw, id) {
  return {
    generationId: str(raw.generationId) || id,
    status: raw.status,
    resultImageUrl: raw.status === 'COMPLETED' ? str(raw.resultImageUrl) : null,
    errorCode: str(raw.errorCode),
    errorMessage: str(raw.errorMessage),
    createdAt: str(raw.createdAt),
    updatedAt: str(raw.updatedAt),
    raw,
  };
}

const SELLERPIC_STATUS = { CREATED: 'PENDING', RUNNING: 'PROCESSING', SUCCESS: 'COMPLETED', FAILED: 'FAILED' };

function sellerpic(raw, id) {
  if (raw.success !== true || raw.code !== 0) {
    throw apiError(str(raw.msg) || 'SellerPic error', { status: 200, code: String(raw.code), body: raw });
  }
  const items = Array.isArray(raw.data?.resultList)
    ? raw.data.resultList.filter((item) => item && typeof item === 'object')
    : [];
  const done = items.find((item) => item.status === 'SUCCESS');
  const unknown = items.find((item) => !Object.hasOwn(SELLERPIC_STATUS, item.status));
  // One finished image is a result; an unknown status is passed on, so the engine reports it.
  let status = 'PENDING';
  if (done) status = 'COMPLETED';
  else if (unknown) status = String(unknown.status);
  else if (items.length && items.every((item) => item.status === 'FAILED')) status = 'FAILED';
  else if (items.some((item) => item.status === 'RUNNING')) status = 'PROCESSING';
  const failed = status === 'FAILED' ? items[0] : null;
  return {
    generationId: id,
    status,
    resultImageUrl: done ? str(done.fileUrl) : null,
    errorCode: failed && failed.errorCode != null ? String(failed.errorCode) : null,
    errorMessage: failed ? str(failed.errorMsg) : null,
    createdAt: null,
    updatedAt: null,
    raw,
  };
}

/** name -> {_url(proxyPath): default status URL template, _normalize(raw, id), _interval: default poll interval}. */
export const ADAPTERS = {
  'genlook-proxy': { _url: (proxyPath) => `${proxyPath}/generation/{id}`, _normalize: genlook },
  'genlook-api': { _url: () => '/tryon/v1/generations/{id}', _normalize: genlook },
  // SellerPic asks for at least a minute between status checks.
  sellerpic: { _url: () => '/v1/api/generate?id={id}', _normalize: sellerpic, _interval: 60_000 },
};
