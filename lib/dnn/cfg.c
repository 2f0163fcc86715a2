/*
 * Network cfg files: reading, validation and rewriting, and finding a
 * network by name.
 *
 * Darknet calls exit() on many cfg errors and asserts on others, so every
 * cfg is checked here first, section by section, with the layer shapes
 * computed the way Darknet will compute them.  Only the layer types
 * milldir's networks need are accepted.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/common.h"
#include "dnn/dnet.h"

int
mdf_dnet_cfg_read(const char *path, char **text, char *why, size_t whylen)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	ssize_t got;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);

	if (fd < 0)
		return mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0) {
		close(fd);
		return mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
	}
	/* a device or pipe could be endless (/dev/zero): regular files only,
	 * read no further than the limit even if the file grows meanwhile */
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return mdf_why(why, whylen, MDF_E_META, "%s: not a regular file", path);
	}
	if (st.st_size > MDF_DNET_CFG_MAX) {
		close(fd);
		return mdf_why(why, whylen, MDF_E_LIMIT, "%s: %lld bytes, over the limit of %d for a cfg",
		    path, (long long)st.st_size, MDF_DNET_CFG_MAX);
	}
	if (!(buf = malloc(MDF_DNET_CFG_MAX + 2))) {
		close(fd);
		return mdf_why(why, whylen, MDF_E_NOMEM, "%s: out of memory", path);
	}
	while (len <= MDF_DNET_CFG_MAX &&
	    (got = read(fd, buf + len, MDF_DNET_CFG_MAX + 1 - len)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			mdf_why(why, whylen, MDF_E_IO, "%s: %s", path, strerror(errno));
			free(buf);
			close(fd);
			return MDF_E_IO;
		}
		len += (size_t)got;
	}
	close(fd);
	if (len > MDF_DNET_CFG_MAX) {
		free(buf);
		return mdf_why(why, whylen, MDF_E_LIMIT, "%s: over the limit of %d bytes for a cfg",
		    path, MDF_DNET_CFG_MAX);
	}
	buf[len] = '\0';
	if (memchr(buf, '\0', len))
		return free(buf), mdf_why(why, whylen, MDF_E_META, "%s: not a text file", path);
	*text = buf;
	return MDF_OK;
}

/* --- cfg lines -------------------------------------------------------- */

/* One line of a cfg, spaces and tabs removed as Darknet's strip() does. */
struct line {
	char *s;
	int no;
};

/* Darknet's strip() removes spaces, tabs and newlines only: a carriage
 * return (CRLF line endings) or another control character would stay in
 * a section name or value and crash its parser, so they are refused. */
static int
split_lines(const char *name, const char *text, struct line **out, int *n,
    char *why, size_t whylen)
{
	size_t cap = 64, cnt = 0;
	struct line *v = malloc(cap * sizeof *v);
	const char *p = text;
	int no = 0, rc = MDF_E_NOMEM;

	if (!v)
		return MDF_E_NOMEM;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *s = malloc(len + 1);
		size_t k = 0;
		no++;
		if (!s)
			goto fail;
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)p[i];
			if (ch == ' ' || ch == '\t')
				continue;
			if (ch < 0x20 || ch == 0x7f) {
				free(s);
				if (ch == '\r')
					mdf_why(why, whylen, 0, "%s: line %d: carriage return (CRLF line "
					    "endings): Darknet reads LF line endings only", name, no);
				else
					mdf_why(why, whylen, 0, "%s: line %d: control character 0x%02x",
					    name, no, ch);
				rc = MDF_E_META;
				goto fail;
			}
			s[k++] = (char)ch;
		}
		s[k] = '\0';
		if (cnt == cap) {
			struct line *nv = realloc(v, 2 * cap * sizeof *v);
			if (!nv) {
				free(s);
				goto fail;
			}
			v = nv;
			cap *= 2;
		}
		v[cnt].s = s;
		v[cnt].no = no;
		cnt++;
		p = e ? e + 1 : p + len;
	}
	*out = v;
	*n = (int)cnt;
	return MDF_OK;
fail:
	for (size_t i = 0; i < cnt; i++)
		free(v[i].s);
	free(v);
	return rc;
}

static void
free_lines(struct line *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].s);
	free(v);
}

static int
skip_line(const char *s)
{
	return s[0] == '\0' || s[0] == '#' || s[0] == ';';
}

/* --- cfg sections ----------------------------------------------------- */

enum sect { S_NET, S_CONV, S_CONN, S_MAX, S_AVG, S_SOFT, S_SHORT, S_DROP,
	S_ROUTE, S_SWISH, S_SCALE, S_UNKNOWN };

static const struct {
	const char *name;
	enum sect type;
} sect_names[] = {
	{ "[net]", S_NET }, { "[network]", S_NET },
	{ "[convolutional]", S_CONV }, { "[conv]", S_CONV },
	{ "[connected]", S_CONN }, { "[conn]", S_CONN },
	{ "[maxpool]", S_MAX }, { "[max]", S_MAX },
	{ "[avgpool]", S_AVG }, { "[avg]", S_AVG },
	{ "[softmax]", S_SOFT }, { "[soft]", S_SOFT },
	{ "[shortcut]", S_SHORT }, { "[dropout]", S_DROP },
	{ "[route]", S_ROUTE },
	/* milldir's own (lib/dnn/dnown.c) */
	{ "[swish]", S_SWISH }, { "[scale_channels]", S_SCALE },
	/* not [batchnorm] (Darknet's crashes wherever it stands) nor
	 * [activation] (its backward pass writes the input gradient of the
	 * first layer, which has none): a convolution takes
	 * batch_normalize= and activation= */
};

/* Keys each section may carry (the ones Darknet reads for it). */
static const char *const keys_net[] = { "batch", "subdivisions", "width",
	"height", "channels", "learning_rate", "momentum", "decay", "policy",
	"steps", "scales", "step", "scale", "gamma", "power", "max_batches",
	"burn_in", "adam", "B1", "B2", "eps", "angle", "saturation", "exposure",
	"hue", "aspect", "max_crop", "min_crop", "center", "clip", NULL };
static const char *const keys_conv[] = { "filters", "size", "stride", "pad",
	"padding", "groups", "activation", "batch_normalize", NULL };
static const char *const keys_conn[] = { "output", "activation",
	"batch_normalize", NULL };
static const char *const keys_max[] = { "size", "stride", "padding", NULL };
static const char *const keys_none[] = { NULL };
static const char *const keys_soft[] = { "groups", "temperature", NULL };
static const char *const keys_short[] = { "from", "activation", "alpha",
	"beta", NULL };
static const char *const keys_drop[] = { "probability", NULL };
static const char *const keys_route[] = { "layers", NULL };
static const char *const keys_scale[] = { "from", NULL };
/* read by Darknet for every layer */
static const char *const keys_common[] = { "learning_rate", "stopbackward",
	"dontsave", "dontload", "onlyforward", NULL };

static const char *const activations[] = { "logistic", "loggy", "relu",
	"elu", "selu", "relie", "plse", "hardtan", "lhtan", "linear", "ramp",
	"leaky", "tanh", "stair", NULL };

static const char *const *
sect_keys(enum sect t)
{
	switch (t) {
	case S_NET: return keys_net;
	case S_CONV: return keys_conv;
	case S_CONN: return keys_conn;
	case S_MAX: return keys_max;
	case S_SOFT: return keys_soft;
	case S_SHORT: return keys_short;
	case S_DROP: return keys_drop;
	case S_ROUTE: return keys_route;
	case S_SCALE: return keys_scale;
	default: return keys_none;
	}
}

static int
in_list(const char *const *names, const char *s, size_t len)
{
	for (; *names; names++)
		if (strlen(*names) == len && strncmp(*names, s, len) == 0)
			return 1;
	return 0;
}

#define MAXKEYS 32

struct section {
	enum sect type;
	const char *name;
	int no;                 /* line of the header */
	int nkeys;
	const char *key[MAXKEYS];
	const char *val[MAXKEYS];
	size_t keylen[MAXKEYS];
	int line[MAXKEYS];      /* index into lines of each key */
	int hline;              /* index into lines of the header */
};

static const char *
get(const struct section *s, const char *key)
{
	for (int i = 0; i < s->nkeys; i++)
		if (strlen(key) == s->keylen[i] && strncmp(s->key[i], key, s->keylen[i]) == 0)
			return s->val[i];
	return NULL;
}

/* Whole number value of KEY, DEF if absent; -1 with WHY if malformed. */
static int
get_int(const struct section *s, const char *cfgname, const char *key,
    long def, long min, long max, long *out, char *why, size_t whylen)
{
	const char *v = get(s, key);
	char *end;

	if (!v) {
		*out = def;
		return 0;
	}
	errno = 0;
	long x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < min || x > max) {
		mdf_why(why, whylen, 0, "%s: line %d: %s %s=%s: want a whole number in %ld..%ld",
		    cfgname, s->no, s->name, key, v, min, max);
		return -1;
	}
	*out = x;
	return 0;
}

static int
get_float(const struct section *s, const char *cfgname, const char *key,
    char *why, size_t whylen)
{
	const char *v = get(s, key);
	char *end;

	if (!v)
		return 0;
	errno = 0;
	double x = strtod(v, &end);
	if (errno || end == v || *end || !isfinite(x)) {
		mdf_why(why, whylen, 0, "%s: line %d: %s %s=%s: not a finite number", cfgname,
		    s->no, s->name, key, v);
		return -1;
	}
	return 0;
}

static int
parse_sections(const char *name, struct line *lines, int nlines,
    struct section **out, int *nout, char *why, size_t whylen)
{
	struct section *v = calloc((size_t)nlines + 1, sizeof *v);
	int n = 0;

	if (!v)
		return MDF_E_NOMEM;
	for (int i = 0; i < nlines; i++) {
		const char *s = lines[i].s;
		if (skip_line(s))
			continue;
		if (s[0] == '[') {
			struct section *sec = &v[n++];
			sec->type = S_UNKNOWN;
			for (size_t k = 0; k < sizeof sect_names / sizeof *sect_names; k++)
				if (strcmp(s, sect_names[k].name) == 0) {
					sec->type = sect_names[k].type;
					sec->name = sect_names[k].name;
				}
			sec->no = lines[i].no;
			sec->hline = i;
			if (sec->type == S_UNKNOWN) {
				mdf_why(why, whylen, 0, "%s: line %d: unknown or unsupported section %s",
				    name, lines[i].no, s);
				free(v);
				return MDF_E_META;
			}
			continue;
		}
		const char *eq = strchr(s, '=');
		if (!eq || eq == s || !eq[1]) {
			mdf_why(why, whylen, 0, "%s: line %d: expected KEY=VALUE or [section], got '%s'",
			    name, lines[i].no, s);
			free(v);
			return MDF_E_META;
		}
		if (n == 0) {
			mdf_why(why, whylen, 0, "%s: line %d: '%s' before the first section",
			    name, lines[i].no, s);
			free(v);
			return MDF_E_META;
		}
		struct section *sec = &v[n - 1];
		size_t klen = (size_t)(eq - s);
		if (!in_list(sect_keys(sec->type), s, klen) &&
		    !(sec->type != S_NET && in_list(keys_common, s, klen))) {
			mdf_why(why, whylen, 0, "%s: line %d: %s does not take '%.*s'",
			    name, lines[i].no, sec->name, (int)klen, s);
			free(v);
			return MDF_E_META;
		}
		for (int k = 0; k < sec->nkeys; k++)
			if (sec->keylen[k] == klen && strncmp(sec->key[k], s, klen) == 0) {
				mdf_why(why, whylen, 0, "%s: line %d: '%.*s' given twice in %s",
				    name, lines[i].no, (int)klen, s, sec->name);
				free(v);
				return MDF_E_META;
			}
		if (sec->nkeys == MAXKEYS) {
			mdf_why(why, whylen, 0, "%s: line %d: too many keys in %s", name,
			    lines[i].no, sec->name);
			free(v);
			return MDF_E_META;
		}
		sec->key[sec->nkeys] = s;
		sec->keylen[sec->nkeys] = klen;
		sec->val[sec->nkeys] = eq + 1;
		sec->line[sec->nkeys] = i;
		sec->nkeys++;
	}
	*out = v;
	*nout = n;
	return MDF_OK;
}

struct shape {
	int w, h, c;
	long outputs;
};

/* A key already checked by get_int, or DEF. */
static long
val(const struct section *s, const char *key, long def)
{
	const char *v = get(s, key);

	return v ? strtol(v, NULL, 10) : def;
}

/* What layer S (input IN, output O) costs: parameters, multiply-adds,
 * bytes, as Darknet allocates them for a batch of B (outputs and
 * gradients, batch-norm copies, weights and their updates, pooling
 * indexes, softmax losses), and the im2col workspace it shares.  0, or
 * -1 with WHY when one of Darknet's int sizes would overflow. */
static int
layer_cost(const char *name, const struct section *s, struct shape in,
    struct shape o, long b, struct mdf_dnet_cfg *cfg, double *workspace,
    char *why, size_t whylen)
{
	double out = (double)o.outputs, w = 0, macs = 0, bufs = 2;
	int bn = val(s, "batch_normalize", 0) != 0;

	switch (s->type) {
	case S_CONV: {
		long k = val(s, "size", 1), g = val(s, "groups", 1), f = o.c;
		w = (double)(in.c / g) * f * k * k;
		macs = w * o.w * o.h;
		cfg->params += w + f * (bn ? 2 : 1);
		bufs += bn ? 2 : 0;
		double ws = (double)o.w * o.h * k * k * (in.c / g) * sizeof(float);
		if (ws > *workspace)
			*workspace = ws;
		break;
	}
	case S_CONN:
		w = (double)in.outputs * o.c;
		macs = w;
		cfg->params += w + o.c * (bn ? 2 : 1);
		bufs += bn ? 2 : 0;
		break;
	case S_SCALE:
		macs = out;     /* squeeze-and-excitation's product */
		break;
	case S_MAX:
		bufs = 3;
		break;
	case S_DROP:
		bufs = 1;
		break;
	case S_SOFT:
		bufs = 3;
		break;
	default:
		break;
	}
	if (w > INT_MAX / 2 || out * b > INT_MAX / 2 || (double)in.outputs * b > INT_MAX / 2) {
		mdf_why(why, whylen, 0, "%s: line %d: %s is too large for Darknet "
		    "(%.0f outputs and %.0f weights, batch %ld: over 2^30 values)",
		    name, s->no, s->name, out, w, b);
		return -1;
	}
	cfg->flops += macs;
	cfg->mem += (out * b * bufs + 2 * w) * sizeof(float);
	return 0;
}

/* Layer I's output shape into SH[I], as Darknet computes it: 0, 1 when
 * it has no image shape (the final [softmax]), -1 with WHY when Darknet
 * could not build it.  Shortcuts, routes and scales, which read earlier
 * layers, are in link_shape. */
#define INT(S, K, D, MIN, MAX, OUT) \
	if (get_int(S, name, K, D, MIN, MAX, OUT, why, whylen) < 0) return -1
#define NEED(S, K) \
	if (!get(S, K)) { mdf_why(why, whylen, 0, "%s: line %d: %s needs %s=", \
	    name, (S)->no, (S)->name, K); return -1; }

/* The earlier layer that the from= key of S (layer I of N) names: its
 * index in *IDX and its shape in *F; -1 with a reason if it names none. */
static int
from_layer(const char *name, const struct section *s, int n, int i,
    const struct shape *sh, long *idx, struct shape *f, char *why, size_t whylen)
{
	long from;

	NEED(s, "from");
	INT(s, "from", 0, -(long)n, (long)n, &from);
	*idx = from < 0 ? (i - 1) + from : from;
	/* layer indexes count from 0 after [net] */
	if (*idx < 0 || *idx >= i - 1) {
		mdf_why(why, whylen, 0, "%s: line %d: from=%ld names no earlier layer",
		    name, s->no, from);
		return -1;
	}
	*f = sh[*idx + 1];
	return 0;
}

static int
link_shape(const char *name, const struct section *s, int n, int i,
    struct shape *sh, char *why, size_t whylen)
{
	struct shape f;
	long idx;

	struct shape in = sh[i - 1], *o = &sh[i];

	switch (s->type) {
	case S_SHORT: {
		if (from_layer(name, s, n, i, sh, &idx, &f, why, whylen) < 0)
			return -1;
		if (f.w != in.w || f.h != in.h || f.c != in.c) {
			mdf_why(why, whylen, 0, "%s: line %d: [shortcut] adds %dx%dx%d to %dx%dx%d",
			    name, s->no, f.w, f.h, f.c, in.w, in.h, in.c);
			return -1;
		}
		if ((get(s, "alpha") && get_float(s, name, "alpha", why, whylen) < 0) ||
		    (get(s, "beta") && get_float(s, name, "beta", why, whylen) < 0))
			return -1;
		break;
	}
	case S_ROUTE: {
		NEED(s, "layers");
		const char *p = get(s, "layers");
		int cw = -1, chh = -1, cc = 0;
		/* Darknet counts the commas for the number of layers
		 * and reads each with atoi: no empty entry ("1,") */
		for (;;) {
			char *end;
			errno = 0;
			long from = strtol(p, &end, 10);
			idx = from < 0 ? (i - 1) + from : from;
			if (errno || end == p || (*end && *end != ',') || idx < 0 ||
			    idx >= i - 1) {
				mdf_why(why, whylen, 0, "%s: line %d: layers=%s: not a list of earlier layers",
				    name, s->no, get(s, "layers"));
				return -1;
			}
			f = sh[idx + 1];
			if (cw >= 0 && (f.w != cw || f.h != chh)) {
				mdf_why(why, whylen, 0, "%s: line %d: [route] joins layers of different sizes",
				    name, s->no);
				return -1;
			}
			cw = f.w;
			chh = f.h;
			cc += f.c;
			if (!*end)
				break;
			p = end + 1;
		}
		o->w = cw;
		o->h = chh;
		o->c = cc;
		break;
	}
	case S_SCALE: {
		if (from_layer(name, s, n, i, sh, &idx, &f, why, whylen) < 0)
			return -1;
		if (i == 1 || in.w != 1 || in.h != 1 || in.c != f.c || f.w < 1 || f.h < 1) {
			mdf_why(why, whylen, 0, "%s: line %d: [scale_channels] scales the %dx%dx%d "
			    "planes of layer %ld by a 1x1x%d input, want 1x1x%d",
			    name, s->no, f.w, f.h, f.c, idx, in.c, f.c);
			return -1;
		}
		*o = f;
		break;
	}
	default:
		break;
	}
	return 0;
}

static int
layer_shape(const char *name, const struct section *s, int n, int i,
    struct shape *sh, char *why, size_t whylen)
{
	struct shape in = sh[i - 1], *o = &sh[i];

	*o = in;
	switch (s->type) {
	case S_CONV: {
		long filters, size, stride, pad, padding, groups, bn;
		NEED(s, "filters");
		NEED(s, "size");
		INT(s, "filters", 1, 1, 65536, &filters);
		INT(s, "size", 1, 1, 31, &size);
		INT(s, "stride", 1, 1, 16, &stride);
		INT(s, "pad", 0, 0, 1, &pad);
		INT(s, "padding", 0, 0, 31, &padding);
		INT(s, "groups", 1, 1, 65536, &groups);
		INT(s, "batch_normalize", 0, 0, 1, &bn);
		if (pad)
			padding = size / 2;
		if (in.c % groups || filters % groups) {
			mdf_why(why, whylen, 0, "%s: line %d: groups=%ld must divide %d input channels and filters=%ld",
			    name, s->no, groups, in.c, filters);
			return -1;
		}
		/* Darknet's 1x1 path multiplies the input as is,
		 * ignoring the stride */
		if (size == 1 && (stride != 1 || padding != 0)) {
			mdf_why(why, whylen, 0, "%s: line %d: a 1x1 convolution needs stride=1 and no padding",
			    name, s->no);
			return -1;
		}
		o->w = (int)((in.w + 2 * padding - size) / stride + 1);
		o->h = (int)((in.h + 2 * padding - size) / stride + 1);
		o->c = (int)filters;
		if (in.w + 2 * padding < size || in.h + 2 * padding < size) {
			mdf_why(why, whylen, 0, "%s: line %d: %ldx%ld kernel larger than its %dx%d input",
			    name, s->no, size, size, in.w, in.h);
			return -1;
		}
		break;
	}
	case S_CONN: {
		long outp, bn;
		NEED(s, "output");
		INT(s, "output", 1, 1, MDF_DNET_MAX_OUTPUTS, &outp);
		INT(s, "batch_normalize", 0, 0, 1, &bn);
		o->w = o->h = 1;
		o->c = (int)outp;
		break;
	}
	case S_MAX: {
		long size, stride, padding;
		INT(s, "stride", 1, 1, 16, &stride);
		INT(s, "size", stride, 1, 31, &size);
		/* every window must hold an input (a window of
		 * padding only has no maximum to take the gradient) */
		INT(s, "padding", size - 1, 0, 2 * (size - 1), &padding);
		o->w = (int)((in.w + padding - size) / stride + 1);
		o->h = (int)((in.h + padding - size) / stride + 1);
		if (o->w < 1 || o->h < 1) {
			mdf_why(why, whylen, 0, "%s: line %d: pooling shrinks %dx%d to nothing",
			    name, s->no, in.w, in.h);
			return -1;
		}
		break;
	}
	case S_AVG:
		o->w = o->h = 1;
		break;
	case S_SOFT: {
		long groups;
		INT(s, "groups", 1, 1, 65536, &groups);
		if (get(s, "temperature") && get_float(s, name, "temperature", why, whylen) < 0)
			return -1;
		if (in.outputs % groups) {
			mdf_why(why, whylen, 0, "%s: line %d: groups=%ld does not divide %ld inputs",
			    name, s->no, groups, in.outputs);
			return -1;
		}
		if (i != n - 1) {
			mdf_why(why, whylen, 0, "%s: line %d: [softmax] must be the last layer",
			    name, s->no);
			return -1;
		}
		o->w = o->h = 0;
		o->c = 0;
		o->outputs = in.outputs;
		return 1;        /* its outputs are its input's */
	}
	case S_DROP:
	case S_SWISH:
		if (s->type == S_DROP && get(s, "probability") &&
		    get_float(s, name, "probability", why, whylen) < 0)
			return -1;
		if (i == 1) {
			mdf_why(why, whylen, 0, "%s: line %d: [%s] cannot be the first layer",
			    name, s->no, s->type == S_DROP ? "dropout" : "swish");
			return -1;
		}
		break;
	case S_SHORT:
	case S_ROUTE:
	case S_SCALE:
		return link_shape(name, s, n, i, sh, why, whylen);
	default:
		break;
	}
	return 0;
}
#undef INT
#undef NEED

/* The memory a network may take (bytes): MILLDIR_DNN_MAX_MB, else half
 * the machine's. */
static double
mem_limit(void)
{
	const char *e = getenv("MILLDIR_DNN_MAX_MB");
	long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);

	if (e && *e)
		return strtod(e, NULL) * 1048576.0;
	if (pages > 0 && psz > 0)
		return (double)pages * psz / 2;
	return 4.0 * 1073741824.0;
}

/* Check the sections and compute every layer's output the way Darknet
 * will (one struct shape per layer, for [route] and [shortcut] to look
 * back at). */
static int
check_sections(const char *name, struct section *sec, int n,
    struct mdf_dnet_cfg *cfg, char *why, size_t whylen)
{
	struct shape *sh;
	long w, h, c, x, batch;
	double workspace = 0, limit;
	int rc = MDF_E_META;

#define INT(S, K, D, MIN, MAX, OUT) \
	if (get_int(S, name, K, D, MIN, MAX, OUT, why, whylen) < 0) goto out
#define NEED(S, K) \
	if (!get(S, K)) { mdf_why(why, whylen, 0, "%s: line %d: %s needs %s=", \
	    name, (S)->no, (S)->name, K); goto out; }

	if (n == 0 || sec[0].type != S_NET)
		return mdf_why(why, whylen, MDF_E_META, "%s: the first section must be [net]", name);
	if (n < 2)
		return mdf_why(why, whylen, MDF_E_META, "%s: no layers after [net]", name);
	if (!(sh = calloc((size_t)n, sizeof *sh)))
		return MDF_E_NOMEM;
	NEED(&sec[0], "width");
	NEED(&sec[0], "height");
	NEED(&sec[0], "channels");
	INT(&sec[0], "width", 0, 1, MDF_DNET_MAX_SIDE, &w);
	INT(&sec[0], "height", 0, 1, MDF_DNET_MAX_SIDE, &h);
	INT(&sec[0], "channels", 0, 1, 4, &c);
	INT(&sec[0], "batch", 1, 1, 65536, &batch);
	if (w * h > MDF_DNET_MAX_PIXELS) {
		mdf_why(why, whylen, 0, "%s: line %d: a %ldx%ld input is over the limit of %d pixels",
		    name, sec[0].no, w, h, MDF_DNET_MAX_PIXELS);
		goto out;
	}
	INT(&sec[0], "subdivisions", 1, 1, 1, &x);
	INT(&sec[0], "adam", 0, 0, 0, &x);
	{
		static const char *const num[] = { "learning_rate", "momentum",
			"decay", "scale", "gamma", "power", NULL };
		for (int k = 0; num[k]; k++)
			if (get_float(&sec[0], name, num[k], why, whylen) < 0)
				goto out;
	}
	{
		const char *p = get(&sec[0], "policy");
		static const char *const pol[] = { "constant", "step", "exp",
			"poly", "steps", "sig", "random", NULL };
		if (p && !in_list(pol, p, strlen(p))) {
			mdf_why(why, whylen, 0, "%s: line %d: unknown policy '%s'", name,
			    sec[0].no, p);
			goto out;
		}
		if (p && strcmp(p, "steps") == 0 &&
		    (!get(&sec[0], "steps") || !get(&sec[0], "scales"))) {
			mdf_why(why, whylen, 0, "%s: line %d: policy=steps needs steps= and scales=",
			    name, sec[0].no);
			goto out;
		}
	}
	sh[0].w = (int)w;
	sh[0].h = (int)h;
	sh[0].c = (int)c;
	sh[0].outputs = w * h * c;
	cfg->w = (int)w;
	cfg->h = (int)h;
	cfg->c = (int)c;
	cfg->outputs = -1;
	cfg->params = cfg->flops = 0;
	/* Darknet's input, ours and the truths */
	cfg->mem = (2.0 * w * h * c + 1024) * batch * sizeof(float);

	for (int i = 1; i < n; i++) {
		struct section *s = &sec[i];
		struct shape in = sh[i - 1], *o = &sh[i];
		const char *act = get(s, "activation");

		if (act && !in_list(activations, act, strlen(act))) {
			mdf_why(why, whylen, 0, "%s: line %d: unknown activation '%s'", name,
			    s->no, act);
			goto out;
		}
		if (get(s, "learning_rate") && get_float(s, name, "learning_rate", why, whylen) < 0)
			goto out;
		if (s->type == S_NET) {
			mdf_why(why, whylen, 0, "%s: line %d: a second [net] section", name, s->no);
			goto out;
		}
		if (s->type != S_CONN && s->type != S_SOFT && s->type != S_DROP &&
		    s->type != S_ROUTE && s->type != S_SHORT && s->type != S_SWISH &&
		    (in.w < 1 || in.h < 1 || in.c < 1)) {
			mdf_why(why, whylen, 0, "%s: line %d: %s needs an image input", name,
			    s->no, s->name);
			goto out;
		}
		int k = layer_shape(name, s, n, i, sh, why, whylen);
		if (k < 0)
			goto out;
		if (k > 0) {      /* [softmax] */
			if (layer_cost(name, s, in, *o, batch, cfg, &workspace, why, whylen) < 0)
				goto out;
			continue;
		}
		o->outputs = (long)o->w * o->h * o->c;
		if (o->outputs < 1) {
			mdf_why(why, whylen, 0, "%s: line %d: %s has no outputs", name, s->no, s->name);
			goto out;
		}
		if (layer_cost(name, s, in, *o, batch, cfg, &workspace, why, whylen) < 0)
			goto out;
	}
	cfg->mem += workspace;
	if (cfg->mem > (limit = mem_limit())) {
		mdf_why(why, whylen, 0, "%s: the network would take some %.0f MiB with batch %ld, "
		    "over the limit of %.0f MiB (MILLDIR_DNN_MAX_MB)", name,
		    cfg->mem / 1048576, batch, limit / 1048576);
		goto out;
	}
	if (sec[n - 1].type != S_SOFT) {
		mdf_why(why, whylen, 0, "%s: the last layer must be [softmax]", name);
		goto out;
	}
	cfg->nlayers = n - 1;
	cfg->outputs = (int)sh[n - 1].outputs;
	rc = MDF_OK;
out:
	free(sh);
	return rc;
#undef INT
#undef NEED
}

int
mdf_dnet_cfg_check(const char *name, const char *text, struct mdf_dnet_cfg *cfg,
    char *why, size_t whylen)
{
	struct line *lines;
	struct section *sec;
	int nlines, nsec, rc;

	if ((rc = split_lines(name, text, &lines, &nlines, why, whylen)) < 0)
		return rc;
	rc = parse_sections(name, lines, nlines, &sec, &nsec, why, whylen);
	if (rc == MDF_OK) {
		rc = check_sections(name, sec, nsec, cfg, why, whylen);
		free(sec);
	}
	free_lines(lines, nlines);
	return rc;
}

/* --- what Darknet reads ----------------------------------------------- */

int
mdf_dnet_cfg_darknet(const char *text, char **out, unsigned char **kinds,
    int *nkinds, char *why, size_t whylen)
{
	struct line *lines;
	struct section *sec;
	int nlines, nsec, rc;
	struct { char *p; size_t len; } b = { NULL, 0 };
	FILE *fp;

	*out = NULL;
	*kinds = NULL;
	if ((rc = split_lines("cfg", text, &lines, &nlines, why, whylen)) < 0)
		return rc;
	if ((rc = parse_sections("cfg", lines, nlines, &sec, &nsec, why, whylen)) < 0) {
		free_lines(lines, nlines);
		return rc;
	}
	*kinds = calloc((size_t)nsec + 1, 1);
	fp = open_memstream(&b.p, &b.len);
	if (!*kinds || !fp) {
		rc = MDF_E_NOMEM;
		goto done;
	}
	/* the stripped lines as Darknet would read them, our own sections
	 * as the [route] that stands in for them */
	for (int k = 0, si = -1; k < nlines; k++) {
		const char *ln = lines[k].s;
		if (si + 1 < nsec && sec[si + 1].hline == k)
			si++;
		if (skip_line(ln))
			continue;
		if (si >= 0 && sec[si].type == S_SWISH && ln[0] == '[') {
			fputs("[route]\nlayers=-1\n", fp);
			(*kinds)[si - 1] = MDF_DNET_SWISH;
		} else if (si >= 0 && sec[si].type == S_SCALE && ln[0] == '[') {
			fputs("[route]\n", fp);
			(*kinds)[si - 1] = MDF_DNET_SCALE;
		} else if (si >= 0 && sec[si].type == S_SCALE && strncmp(ln, "from=", 5) == 0) {
			fprintf(fp, "layers=%s\n", ln + 5);
		} else {
			fprintf(fp, "%s\n", ln);
		}
	}
	*nkinds = nsec > 0 ? nsec - 1 : 0;
	rc = fclose(fp) == 0 ? MDF_OK : MDF_E_NOMEM;
	fp = NULL;
done:
	if (fp)
		fclose(fp);
	if (rc == MDF_OK) {
		*out = b.p;
	} else {
		free(b.p);
		free(*kinds);
		*kinds = NULL;
	}
	free(sec);
	free_lines(lines, nlines);
	return rc;
}

/* --- rewriting -------------------------------------------------------- */

/* A [net] key we rewrite but the caller left unset. */
static int
keep_key(const char *k, size_t len, const struct mdf_dnet_hyper *hp)
{
	return (hp->lr < 0 && len == 13 && strncmp(k, "learning_rate", 13) == 0) ||
	    (hp->momentum < 0 && len == 8 && strncmp(k, "momentum", 8) == 0) ||
	    (hp->decay < 0 && len == 5 && strncmp(k, "decay", 5) == 0);
}

int
mdf_dnet_cfg_patch(const char *text, int classes, const struct mdf_dnet_hyper *hp,
    char **out, char *why, size_t whylen)
{
	struct line *lines;
	struct section *sec;
	struct mdf_sb b = { 0 };
	int nlines, nsec, rc, cls = -1;
	const char *orig = text;

	if ((rc = split_lines("cfg", text, &lines, &nlines, why, whylen)) < 0)
		return rc;
	if ((rc = parse_sections("cfg", lines, nlines, &sec, &nsec, why, whylen)) < 0) {
		free_lines(lines, nlines);
		return rc;
	}
	for (int i = nsec - 1; i > 0 && cls < 0; i--)
		if (sec[i].type == S_CONN || sec[i].type == S_CONV)
			cls = i;
	if (cls < 0 || nsec < 1 || sec[0].type != S_NET) {
		free(sec);
		free_lines(lines, nlines);
		return mdf_why(why, whylen, MDF_E_META, "no [connected] or [convolutional] classifier");
	}
	/* the [net] keys we set ourselves are dropped and rewritten */
	static const char *const ours[] = { "batch", "subdivisions", "learning_rate",
		"momentum", "decay", "policy", "max_batches", "power", "step",
		"scale", "steps", "scales", "gamma", "burn_in", NULL };
	const char *p = orig;
	int li = 0;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		const char *s = lines[li].s;
		int drop = 0, replace = 0;
		for (int k = 0; k < sec[0].nkeys; k++)
			if (sec[0].line[k] == li && in_list(ours, sec[0].key[k], sec[0].keylen[k]) &&
			    !keep_key(sec[0].key[k], sec[0].keylen[k], hp))
				drop = 1;
		for (int k = 0; k < sec[cls].nkeys; k++)
			if (sec[cls].line[k] == li &&
			    ((sec[cls].type == S_CONN && strncmp(s, "output=", 7) == 0) ||
			     (sec[cls].type == S_CONV && strncmp(s, "filters=", 8) == 0)))
				replace = 1;
		if (replace)
			mdf_sb_printf(&b, "# set by milldir from the classes\n%s=%d\n",
			    sec[cls].type == S_CONN ? "output" : "filters", classes);
		else if (!drop)
			mdf_sb_printf(&b, "%.*s\n", (int)len, p);
		if (li == sec[0].hline) {
			mdf_sb_printf(&b, "# set by milldir\nbatch=%d\nsubdivisions=1\n", hp->batch);
			if (hp->lr >= 0)
				mdf_sb_printf(&b, "learning_rate=%.9g\n", hp->lr);
			if (hp->momentum >= 0)
				mdf_sb_printf(&b, "momentum=%.9g\n", hp->momentum);
			if (hp->decay >= 0)
				mdf_sb_printf(&b, "decay=%.9g\n", hp->decay);
			const char *pol = hp->policy ? hp->policy : "constant";
			long mb = hp->max_batches > 0 ? hp->max_batches : 1;
			if (strcmp(pol, "poly") == 0)
				mdf_sb_printf(&b, "policy=poly\npower=2\nmax_batches=%ld\n", mb);
			else if (strcmp(pol, "step") == 0)
				mdf_sb_printf(&b, "policy=step\nstep=%ld\nscale=0.1\n",
				    mb / 3 > 0 ? mb / 3 : 1);
			else if (strcmp(pol, "exp") == 0)
				mdf_sb_printf(&b, "policy=exp\ngamma=%.9g\n", 1.0 - 3.0 / (double)mb);
			else
				mdf_sb_printf(&b, "policy=constant\n");
		}
		p = e ? e + 1 : p + len;
		li++;
	}
	free(sec);
	free_lines(lines, nlines);
	if (b.err) {
		free(b.s);
		return MDF_E_NOMEM;
	}
	*out = b.s;
	return MDF_OK;
}

int
mdf_dnet_find_net(const char *name, const char *srcdir, const char *pkgdir,
    char **path, char *why, size_t whylen)
{
	const char *dirs[3];
	char buf[PATH_MAX];
	size_t len = strlen(name);
	int nd = 0;

	if (strchr(name, '/') || (len > 4 && strcmp(name + len - 4, ".cfg") == 0)) {
		if (access(name, R_OK) != 0)
			return mdf_why(why, whylen, MDF_E_IO, "%s: %s", name, strerror(errno));
		*path = strdup(name);
		return *path ? MDF_OK : MDF_E_NOMEM;
	}
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '-' && name[i] != '_' &&
		    name[i] != '.')
			return mdf_why(why, whylen, MDF_E_INVAL, "%s: not a network name", name);
	if (getenv("MILLDIR_NETS") && *getenv("MILLDIR_NETS"))
		dirs[nd++] = getenv("MILLDIR_NETS");
	char src[PATH_MAX];
	if (srcdir) {
		snprintf(src, sizeof src, "%s/pipelines/nets", srcdir);
		dirs[nd++] = src;
	}
	char pkg[PATH_MAX];
	if (pkgdir) {
		snprintf(pkg, sizeof pkg, "%s/nets", pkgdir);
		dirs[nd++] = pkg;
	}
	for (int i = 0; i < nd; i++) {
		snprintf(buf, sizeof buf, "%s/%s.cfg", dirs[i], name);
		if (access(buf, R_OK) == 0) {
			*path = strdup(buf);
			return *path ? MDF_OK : MDF_E_NOMEM;
		}
	}
	return mdf_why(why, whylen, MDF_E_INVAL, "%s: unknown network (no %s.cfg in %s%s%s%s%s)",
	    name, name, nd > 0 ? dirs[0] : "", nd > 1 ? ", " : "", nd > 1 ? dirs[1] : "",
	    nd > 2 ? ", " : "", nd > 2 ? dirs[2] : "");
}
