/** Node ids: short, lowercase, safe in file names, metrics labels and URLs. */
export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const NODE_ID_RULE =
  '1-63 characters of a-z, 0-9, "-" or "_", starting with a letter or digit';

/** host:port, with IPv6 hosts in brackets. */
export const ADDRESS_PATTERN = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):([0-9]{1,5})$/;
export const ADDRESS_RULE = 'host:port (e.g. "127.0.0.1:7001" or "[::1]:7001")';

/** Group ids: what Fabric users type, safe in lock keys, logs and file names. */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const GROUP_ID_RULE =
  '1-64 characters: letters, digits, "_", "." or "-", starting with a letter or digit';
