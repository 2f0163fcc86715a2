/* Error names and their exit codes. */
#include "config.h"

#include "frame/internal.h"

const char *
mdf_strerror(int code)
{
	switch (code) {
	case MDF_OK: return "success";
	case MDF_E_IO: return "I/O error";
	case MDF_E_NOMEM: return "out of memory";
	case MDF_E_MAGIC: return "bad magic (not a milldir frame)";
	case MDF_E_TRUNC_HEADER: return "truncated header";
	case MDF_E_HEADER_CRC: return "header CRC mismatch";
	case MDF_E_VERSION: return "unsupported format version";
	case MDF_E_FLAGS: return "reserved flag bits or bytes set";
	case MDF_E_TYPE: return "invalid type tag";
	case MDF_E_LIMIT: return "frame larger than the reader's limit";
	case MDF_E_TRUNC_META: return "truncated metadata";
	case MDF_E_TRUNC_PAYLOAD: return "truncated payload";
	case MDF_E_CRC: return "data CRC mismatch";
	case MDF_E_META: return "malformed metadata";
	case MDF_E_SIZE: return "payload size mismatch";
	case MDF_E_ZLIB: return "corrupt compressed payload";
	case MDF_E_INVAL: return "invalid argument";
	}
	return "unknown error";
}

int
mdf_exit_code(int code)
{
	switch (code) {
	case MDF_OK: return 0;
	case MDF_E_IO: return 74;       /* EX_IOERR */
	case MDF_E_NOMEM:
	case MDF_E_INVAL: return 70;    /* EX_SOFTWARE */
	default: return 65;             /* EX_DATAERR */
	}
}
