// The CAD kernel: Open CASCADE behind the C interface of cad.h.  Every
// entry point catches whatever the kernel throws and turns it into an
// MDF_E_* code with a reason; the kernel's own messages are captured
// (never printed: stdout carries frames only).
#include "config.h"

// A malformed file can make the readers dereference null (a STEP
// direction without coordinates does) or worse: mdf_cad_import runs them
// in a child process (lib/cad/cadio.c), where such a signal ends the
// child and becomes an error about the file.  Converting signals into
// exceptions (the kernel's OSD::SetSignal) is not done: the process
// would go on after a wild memory access.

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <unistd.h>
#include <exception>
#include <istream>
#include <mutex>
#include <new>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <BRepAlgoAPI_Cut.hxx>
#include <BRepBndLib.hxx>
#include <Bnd_Box.hxx>
#include <BRepBuilderAPI_MakeEdge.hxx>
#include <BRepBuilderAPI_MakeFace.hxx>
#include <BRepBuilderAPI_MakePolygon.hxx>
#include <BRepBuilderAPI_MakeWire.hxx>
#include <BRepBuilderAPI_Transform.hxx>
#include <BRepFilletAPI_MakeChamfer.hxx>
#include <BRepFilletAPI_MakeFillet.hxx>
#include <BRepGProp.hxx>
#include <BRepMesh_IncrementalMesh.hxx>
#include <BRepOffsetAPI_ThruSections.hxx>
#include <BRepPrimAPI_MakeBox.hxx>
#include <BRepPrimAPI_MakeCone.hxx>
#include <BRepPrimAPI_MakeCylinder.hxx>
#include <BRepPrimAPI_MakePrism.hxx>
#include <BRepPrimAPI_MakeRevol.hxx>
#include <BRepTools.hxx>
#include <BRep_Builder.hxx>
#include <BRep_Tool.hxx>
#include <GC_MakeArcOfCircle.hxx>
#include <GProp_GProps.hxx>
#include <IFSelect_ReturnStatus.hxx>
#include <IGESControl_Controller.hxx>
#include <IGESControl_Reader.hxx>
#include <IGESControl_Writer.hxx>
#include <Interface_Static.hxx>
#include <Message.hxx>
#include <OSD.hxx>
#include <Standard_ErrorHandler.hxx>
#include <Message_Messenger.hxx>
#include <Message_Printer.hxx>
#include <Poly_Triangulation.hxx>
#include <STEPControl_Reader.hxx>
#include <STEPControl_Writer.hxx>
#include <Standard_Failure.hxx>
#include <TopExp.hxx>
#include <TopExp_Explorer.hxx>
#include <TopTools_IndexedMapOfShape.hxx>
#include <TopTools_ListOfShape.hxx>
#include <TopoDS.hxx>
#include <TopoDS_Compound.hxx>
#include <TopoDS_Edge.hxx>
#include <TopoDS_Face.hxx>
#include <TopoDS_Shape.hxx>
#include <TopoDS_Wire.hxx>
#include <gp_Ax2.hxx>
#include <gp_Circ.hxx>
#include <gp_Pnt.hxx>
#include <gp_Trsf.hxx>
#include <gp_Vec.hxx>

#include "cad/cad.h"
#include "milldir/frame.h"

struct mdf_cad_shape {
	TopoDS_Shape s;
};

namespace {

// The kernel's messages of gravity Warning and above, kept for the error
// reason; everything else (and all printing) dropped.
class Capture : public Message_Printer {
public:
	std::string text;

protected:
	void send(const TCollection_AsciiString &msg, const Message_Gravity g) const override
	{
		if (g < Message_Warning || text.size() > 4096)
			return;
		std::string &t = const_cast<std::string &>(text);
		if (!t.empty())
			t += "; ";
		t += msg.ToCString();
	}
};

// Install a capturing printer in place of the default ones for the
// lifetime of this object (the kernel's messenger is global: the tools
// are single-threaded around it).
class Quiet {
public:
	Handle(Capture) cap;
	Message_SequenceOfPrinters saved;

	Quiet() : cap(new Capture)
	{
		const Handle(Message_Messenger) &m = Message::DefaultMessenger();
		saved = m->Printers();
		m->ChangePrinters().Clear();
		m->AddPrinter(cap);
	}
	~Quiet()
	{
		const Handle(Message_Messenger) &m = Message::DefaultMessenger();
		m->ChangePrinters() = saved;
	}
};

// Modelling and meshing run on several threads (partgen --jobs): there
// the default printers are removed once, and nothing is captured.
void
silence()
{
	static std::once_flag once;
	std::call_once(once, [] {
		Message::DefaultMessenger()->ChangePrinters().Clear();
	});
}

// Some readers print to std::cout themselves (BRepTools::Read does):
// while one runs, file descriptor 1 goes to a temporary file, whose text
// then serves as a reason.  stdout carries frames only.
class Stdout {
public:
	Stdout()
	{
		std::cout.flush();
		fflush(stdout);
		tmp = tmpfile();
		saved = tmp != NULL ? dup(1) : -1;
		if (saved >= 0 && dup2(fileno(tmp), 1) < 0) {
			close(saved);
			saved = -1;
		}
	}
	~Stdout() { restore(); if (tmp != NULL) fclose(tmp); }
	// Put stdout back; the text written meanwhile (cut to a line).
	std::string restore()
	{
		std::string text;
		std::cout.flush();
		fflush(stdout);
		if (saved < 0)
			return text;
		dup2(saved, 1);
		close(saved);
		saved = -1;
		char line[256];
		rewind(tmp);
		while (text.size() < 512 && fgets(line, sizeof line, tmp) != NULL) {
			line[strcspn(line, "\r\n")] = '\0';
			if (*line == '\0')
				continue;
			if (!text.empty())
				text += "; ";
			text += line;
		}
		return text;
	}

private:
	FILE *tmp;
	int saved;
};

// The STEP reader's syntax errors, "**** ERR StepFile : Undefined
// Parsing: Line 7: Incorrect syntax: ...    ****", as "line 7: incorrect
// syntax: ...".
std::string
tidy(const std::string &msg)
{
	size_t at = msg.find("Line ");
	if (at == std::string::npos)
		return msg;
	// the reader counts one line too many (an error on line 1 of a file
	// reads "Line 2")
	char *rest;
	long no = strtol(msg.c_str() + at + 5, &rest, 10);
	std::string s = "line " + std::to_string(no > 1 ? no - 1 : no) + rest;
	size_t end = s.find("****");
	if (end != std::string::npos)
		s.erase(end);
	while (!s.empty() && (s.back() == ' ' || s.back() == ';'))
		s.pop_back();
	size_t colon = s.find(": ");
	if (colon != std::string::npos && colon + 2 < s.size())
		s[colon + 2] = (char)tolower((unsigned char)s[colon + 2]);
	return s;
}

int
fail(char *why, size_t whylen, int code, const std::string &msg)
{
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "%s", msg.c_str());
	return code;
}

// The exception being handled, as a reason.
std::string
reason()
{
	try {
		throw;
	} catch (const Standard_Failure &e) {
		const char *m = e.GetMessageString();
		std::string s = e.DynamicType()->Name();
		if (m != NULL && *m)
			s += std::string(": ") + m;
		return s;
	} catch (const std::bad_alloc &) {
		return "out of memory";
	} catch (const std::exception &e) {
		return e.what();
	} catch (...) {
		return "unknown exception";
	}
}

// Global point of face-frame coordinates (u, v, global position g along
// the depth axis a).
gp_Pnt
pt(int a, double u, double v, double g)
{
	double p[3];
	p[a] = g;
	p[(a + 1) % 3] = u;
	p[(a + 2) % 3] = v;
	return gp_Pnt(p[0], p[1], p[2]);
}

gp_Dir
axis_dir(int a)
{
	return gp_Dir(a == 0, a == 1, a == 2);
}

// Global position along the depth axis of depth W from the face of SIDE.
double
depth_pos(const double *size, int side, double w)
{
	int a = side / 2;
	return side % 2 == 0 ? size[a] - w : w;
}

// The rounded rectangle [u0,u1] x [v0,v1], corner radius r, in the plane
// at G on axis A, anticlockwise about +A.
TopoDS_Wire
rounded_rect(int a, double u0, double u1, double v0, double v1, double r, double g)
{
	const double eps = 1e-7 * (1 + (u1 - u0) + (v1 - v0));
	if (r <= eps) {
		BRepBuilderAPI_MakePolygon p(pt(a, u0, v0, g), pt(a, u1, v0, g),
		    pt(a, u1, v1, g), pt(a, u0, v1, g), Standard_True);
		return p.Wire();
	}
	// corner centres and the points where lines and arcs meet, in order
	double cu[4] = { u1 - r, u1 - r, u0 + r, u0 + r };
	double cv[4] = { v0 + r, v1 - r, v1 - r, v0 + r };
	double su[4] = { u1 - r, u1, u0 + r, u0 }, sv[4] = { v0, v1 - r, v1, v0 + r };
	double eu[4] = { u1, u1 - r, u0, u0 + r }, ev[4] = { v0 + r, v1, v1 - r, v0 };
	BRepBuilderAPI_MakeWire w;
	for (int i = 0; i < 4; i++) {
		// line from the previous arc's end to this arc's start
		double pu = eu[(i + 3) % 4], pv = ev[(i + 3) % 4];
		if (std::abs(su[i] - pu) + std::abs(sv[i] - pv) > eps)
			w.Add(BRepBuilderAPI_MakeEdge(pt(a, pu, pv, g), pt(a, su[i], sv[i], g)).Edge());
		// quarter arc about corner i, through its 45-degree point
		double mu = cu[i] + r * (i == 0 || i == 1 ? 0.7071067811865476 : -0.7071067811865476);
		double mv = cv[i] + r * (i == 1 || i == 2 ? 0.7071067811865476 : -0.7071067811865476);
		Handle(Geom_TrimmedCurve) arc = GC_MakeArcOfCircle(pt(a, su[i], sv[i], g),
		    pt(a, mu, mv, g), pt(a, eu[i], ev[i], g)).Value();
		w.Add(BRepBuilderAPI_MakeEdge(arc).Edge());
	}
	return w.Wire();
}

TopoDS_Shape
make_tool(const double *size, const mdf_cad_tool &t)
{
	int a = t.side / 2;
	double g0 = depth_pos(size, t.side, t.w0), g1 = depth_pos(size, t.side, t.w1);
	double lo = g0 < g1 ? g0 : g1, h = std::abs(g1 - g0);
	// the radius at the low and high ends along the axis
	int plus = t.side % 2 == 0;

	switch (t.kind) {
	case MDF_CAD_PRISM: {
		TopoDS_Face f = BRepBuilderAPI_MakeFace(rounded_rect(a, t.u0, t.u1, t.v0,
		    t.v1, t.r, lo), Standard_True).Face();
		return BRepPrimAPI_MakePrism(f, gp_Vec(axis_dir(a)) * h).Shape();
	}
	case MDF_CAD_CONE: {
		gp_Ax2 ax(pt(a, t.u0, t.v0, lo), axis_dir(a));
		double rlo = plus ? t.r2 : t.r, rhi = plus ? t.r : t.r2;
		if (std::abs(rlo - rhi) < 1e-9)
			return BRepPrimAPI_MakeCylinder(ax, rlo, h).Shape();
		return BRepPrimAPI_MakeCone(ax, rlo, rhi, h).Shape();
	}
	case MDF_CAD_FLARE: {
		// the profile grown by R2, swept a little more than R2 deep, its
		// end at W1 chamfered by R2: planes and cones (a ruled loft between
		// the two outlines gave general surfaces, slow to cut)
		double G = t.r2, x = 0.1 * G;
		double top = plus ? g0 + x : g0 - x;    // W0, moved out of the part
		double glo = std::min(top, g1), len = std::abs(top - g1);
		TopoDS_Face f = BRepBuilderAPI_MakeFace(rounded_rect(a, t.u0 - G, t.u1 + G,
		    t.v0 - G, t.v1 + G, t.r + G, glo), Standard_True).Face();
		BRepPrimAPI_MakePrism pr(f, gp_Vec(axis_dir(a)) * len);
		// the end at W1: the low end for a tool from the + side
		TopoDS_Shape end = plus ? pr.FirstShape() : pr.LastShape();
		BRepFilletAPI_MakeChamfer mc(pr.Shape());
		for (TopExp_Explorer ex(end, TopAbs_EDGE); ex.More(); ex.Next()) {
			mc.Add(G, TopoDS::Edge(ex.Current()));
			if (t.r > 0)
				break;  // one edge brings its chain of tangent ones
		}
		mc.Build();
		if (!mc.IsDone())
			throw Standard_Failure("chamfered rim failed");
		return mc.Shape();
	}
	case MDF_CAD_ROUNDRIM: {
		// profile in the plane through the axis, (radius, depth): the
		// pocket's wall and floor, and a quarter circle of radius f from
		// the wall up to f beyond the rim, its centre dropped by a tenth
		// of f so that the rim meets the face at an angle: a tangent
		// contact would make the cut slow and fragile
		double f = t.r2, dl = 0.1 * f, R = t.r + f;
		auto P = [&](double rho, double w) {
			return pt(a, t.u0 + rho, t.v0, depth_pos(size, t.side, w));
		};
		BRepBuilderAPI_MakeWire w;
		w.Add(BRepBuilderAPI_MakeEdge(P(0, t.w0), P(R, t.w0)).Edge());
		w.Add(BRepBuilderAPI_MakeEdge(P(R, t.w0), P(R, -dl)).Edge());
		w.Add(BRepBuilderAPI_MakeEdge(GC_MakeArcOfCircle(P(R, -dl),
		    P(R - 0.7071067811865476 * f, f - dl - 0.7071067811865476 * f),
		    P(t.r, f - dl)).Value()).Edge());
		w.Add(BRepBuilderAPI_MakeEdge(P(t.r, f - dl), P(t.r, t.w1)).Edge());
		w.Add(BRepBuilderAPI_MakeEdge(P(t.r, t.w1), P(0, t.w1)).Edge());
		w.Add(BRepBuilderAPI_MakeEdge(P(0, t.w1), P(0, t.w0)).Edge());
		TopoDS_Face fc = BRepBuilderAPI_MakeFace(w.Wire(), Standard_True).Face();
		return BRepPrimAPI_MakeRevol(fc, gp_Ax1(P(0, 0), axis_dir(a))).Shape();
	}
	case MDF_CAD_TURN: {
		BRepBuilderAPI_MakePolygon poly;
		int np = t.np < MDF_CAD_MAXPROF ? t.np : MDF_CAD_MAXPROF;
		if (np < 2)
			throw Standard_Failure("turned profile of fewer than 2 points");
		if (t.prof[0][0] > 0)
			poly.Add(pt(a, t.u0, t.v0, depth_pos(size, t.side, t.prof[0][1])));
		for (int i = 0; i < np; i++)
			poly.Add(pt(a, t.u0 + t.prof[i][0], t.v0, depth_pos(size, t.side,
			    t.prof[i][1])));
		if (t.prof[np - 1][0] > 0)
			poly.Add(pt(a, t.u0, t.v0, depth_pos(size, t.side, t.prof[np - 1][1])));
		poly.Close();
		TopoDS_Face f = BRepBuilderAPI_MakeFace(poly.Wire(), Standard_True).Face();
		return BRepPrimAPI_MakeRevol(f, gp_Ax1(pt(a, t.u0, t.v0, 0),
		    axis_dir(a))).Shape();
	}
	}
	throw Standard_Failure("unknown tool kind");
}

// Which bit of the edge mask a box edge is (cad.h), -1 if none.
int
box_edge_bit(const TopoDS_Edge &e, const double *size)
{
	TopoDS_Vertex v1, v2;
	TopExp::Vertices(e, v1, v2);
	gp_Pnt p = BRep_Tool::Pnt(v1), q = BRep_Tool::Pnt(v2);
	double a[3] = { p.X(), p.Y(), p.Z() }, b[3] = { q.X(), q.Y(), q.Z() };
	for (int k = 0; k < 3; k++) {
		int k1 = (k + 1) % 3, k2 = (k + 2) % 3;
		if (std::abs(a[k] - b[k]) > 1e-9 && std::abs(a[k1] - b[k1]) < 1e-9 &&
		    std::abs(a[k2] - b[k2]) < 1e-9)
			return 4 * k + (a[k1] > size[k1] / 2) + 2 * (a[k2] > size[k2] / 2);
	}
	return -1;
}

TopoDS_Shape
make_stock(const mdf_cad_stock &s)
{
	TopoDS_Shape b;
	if (s.kind == MDF_CAD_SHAFT) {
		int a = s.axis, u = (a + 1) % 3, v = (a + 2) % 3, np = s.np;
		double cu = s.size[u] / 2, cv = s.size[v] / 2;
		if (np < 2 || np > MDF_CAD_MAXSHAFT)
			throw Standard_Failure("turned profile of fewer than 2 points");
		BRepBuilderAPI_MakePolygon poly;
		if (s.prof[0][0] > 0)
			poly.Add(pt(a, cu, cv, s.prof[0][1]));
		for (int i = 0; i < np; i++)
			poly.Add(pt(a, cu + s.prof[i][0], cv, s.prof[i][1]));
		if (s.prof[np - 1][0] > 0)
			poly.Add(pt(a, cu, cv, s.prof[np - 1][1]));
		poly.Close();
		TopoDS_Face f = BRepBuilderAPI_MakeFace(poly.Wire(), Standard_True).Face();
		return BRepPrimAPI_MakeRevol(f, gp_Ax1(pt(a, cu, cv, 0), axis_dir(a))).Shape();
	} else if (s.kind == MDF_CAD_CYL) {
		int a = s.axis, u = (a + 1) % 3, v = (a + 2) % 3;
		double r = s.size[u] / 2;
		gp_Pnt c = pt(a, s.size[u] / 2, s.size[v] / 2, 0);
		b = BRepPrimAPI_MakeCylinder(gp_Ax2(c, axis_dir(a)), r, s.size[a]).Shape();
	} else if (s.edge != MDF_CAD_SHARP && s.edge_r > 0 && (s.edge_mask == 0xf ||
	    s.edge_mask == 0xf0 || s.edge_mask == 0xf00)) {
		// the four edges along one axis: a prism of the rounded or
		// chamfered rectangle, much cheaper to build and to cut than a
		// box through the fillet algorithm
		int a = s.edge_mask == 0xf ? 0 : s.edge_mask == 0xf0 ? 1 : 2;
		double U = s.size[(a + 1) % 3], V = s.size[(a + 2) % 3], c = s.edge_r;
		TopoDS_Wire w;
		if (s.edge == MDF_CAD_FILLET) {
			w = rounded_rect(a, 0, U, 0, V, c, 0);
		} else {
			BRepBuilderAPI_MakePolygon p;
			p.Add(pt(a, c, 0, 0));
			p.Add(pt(a, U - c, 0, 0));
			p.Add(pt(a, U, c, 0));
			p.Add(pt(a, U, V - c, 0));
			p.Add(pt(a, U - c, V, 0));
			p.Add(pt(a, c, V, 0));
			p.Add(pt(a, 0, V - c, 0));
			p.Add(pt(a, 0, c, 0));
			p.Close();
			w = p.Wire();
		}
		TopoDS_Face f = BRepBuilderAPI_MakeFace(w, Standard_True).Face();
		return BRepPrimAPI_MakePrism(f, gp_Vec(axis_dir(a)) * s.size[a]).Shape();
	} else {
		b = BRepPrimAPI_MakeBox(gp_Pnt(0, 0, 0), gp_Pnt(s.size[0], s.size[1],
		    s.size[2])).Shape();
	}
	if (s.edge != MDF_CAD_SHARP && s.edge_mask != 0 && s.edge_r > 0) {
		TopTools_IndexedMapOfShape edges;
		TopExp::MapShapes(b, TopAbs_EDGE, edges);
		BRepFilletAPI_MakeFillet mf(b);
		BRepFilletAPI_MakeChamfer mc(b);
		int n = 0;
		for (int i = 1; i <= edges.Extent(); i++) {
			const TopoDS_Edge &e = TopoDS::Edge(edges(i));
			int bit;
			if (s.kind == MDF_CAD_CYL) {
				TopoDS_Vertex v1, v2;
				TopExp::Vertices(e, v1, v2);
				gp_Pnt p = BRep_Tool::Pnt(v1), q = BRep_Tool::Pnt(v2);
				if (!p.IsEqual(q, 1e-9))
					continue;   // the seam, not an end circle
				double pa = s.axis == 0 ? p.X() : s.axis == 1 ? p.Y() : p.Z();
				bit = pa > s.size[s.axis] / 2;
			} else {
				bit = box_edge_bit(e, s.size);
			}
			if (bit < 0 || !(s.edge_mask >> bit & 1))
				continue;
			if (s.edge == MDF_CAD_FILLET)
				mf.Add(s.edge_r, e);
			else
				mc.Add(s.edge_r, e);
			n++;
		}
		if (n > 0) {
			if (s.edge == MDF_CAD_FILLET) {
				mf.Build();
				if (!mf.IsDone())
					throw Standard_Failure("edge fillet failed");
				b = mf.Shape();
			} else {
				mc.Build();
				if (!mc.IsDone())
					throw Standard_Failure("edge chamfer failed");
				b = mc.Shape();
			}
		}
	}
	if (s.nprecut > 0) {
		TopTools_ListOfShape args, tools;
		args.Append(b);
		for (int i = 0; i < s.nprecut && i < MDF_CAD_MAXPRECUT; i++) {
			const double *c = s.precut[i];
			tools.Append(BRepPrimAPI_MakeBox(gp_Pnt(c[0], c[1], c[2]),
			    gp_Pnt(c[3], c[4], c[5])).Shape());
		}
		BRepAlgoAPI_Cut op;
		op.SetArguments(args);
		op.SetTools(tools);
		op.SetRunParallel(Standard_False);
		op.Build();
		if (op.HasErrors())
			throw Standard_Failure("pre-machining cut failed");
		b = op.Shape();
	}
	return b;
}

double
volume(const TopoDS_Shape &s)
{
	GProp_GProps p;
	BRepGProp::VolumeProperties(s, p, Standard_True);
	return p.Mass();
}

int
count_solids(const TopoDS_Shape &s)
{
	int n = 0;
	for (TopExp_Explorer ex(s, TopAbs_SOLID); ex.More(); ex.Next())
		n++;
	return n;
}

TopoDS_Shape
moved(const TopoDS_Shape &s, const double *shift)
{
	if (shift == NULL)
		return s;
	gp_Trsf t;
	t.SetTranslation(gp_Vec(shift[0], shift[1], shift[2]));
	return BRepBuilderAPI_Transform(s, t, Standard_True).Shape();
}

// A read-only stream over a buffer.
class MemBuf : public std::streambuf {
public:
	MemBuf(const char *p, size_t n)
	{
		char *b = const_cast<char *>(p);
		setg(b, b, b + n);
	}
};

void
split_solids(const TopoDS_Shape &s, mdf_cad_shape ***out, size_t *n)
{
	size_t k = 0, cap = 0;
	mdf_cad_shape **v = NULL;
	auto push = [&](const TopoDS_Shape &x) {
		if (k == cap) {
			cap = cap ? 2 * cap : 8;
			mdf_cad_shape **w = (mdf_cad_shape **)realloc(v, cap * sizeof *v);
			if (w == NULL)
				throw std::bad_alloc();
			v = w;
		}
		v[k] = new mdf_cad_shape;
		v[k++]->s = x;
	};
	try {
		for (TopExp_Explorer ex(s, TopAbs_SOLID); ex.More(); ex.Next())
			push(ex.Current());
		if (k == 0 && TopExp_Explorer(s, TopAbs_FACE).More())
			push(s);
	} catch (...) {
		for (size_t i = 0; i < k; i++)
			delete v[i];
		free(v);
		throw;
	}
	*out = v;
	*n = k;
}

} // namespace

extern "C" int
mdf_cad_part(const struct mdf_cad_stock *s, const struct mdf_cad_tool *t,
    size_t n, struct mdf_cad_shape **out, double *stock_volume,
    double removed[6], int *nsolids, char *why, size_t whylen)
{
	*out = NULL;
	try {
		silence();
		TopoDS_Shape part = make_stock(*s);
		double v = volume(part);
		bool done[6] = { false, false, false, false, false, false };

		*stock_volume = v;
		for (int d = 0; d < 6; d++)
			removed[d] = 0;
		for (size_t i = 0; i < n; i++) {
			int side = t[i].side;
			if (side < 0 || side > 5)
				return fail(why, whylen, MDF_E_INVAL, "tool side out of range");
			if (done[side])
				continue;
			done[side] = true;
			// The side's tools in groups whose bounding boxes do not meet,
			// one cut per group: a cut by several tools also intersects
			// every pair of them (a third slower than one tool at a
			// time when they overlap), while each cut rebuilds the whole
			// part (disjoint tools are cheaper together).
			std::vector<TopoDS_Shape> ts;
			std::vector<Bnd_Box> bb;
			for (size_t j = i; j < n; j++) {
				if (t[j].side != side)
					continue;
				ts.push_back(make_tool(s->size, t[j]));
				Bnd_Box b;
				BRepBndLib::Add(ts.back(), b, Standard_False);
				bb.push_back(b);
			}
			std::vector<int> group(ts.size(), -1);
			int ng = 0;
			for (size_t j = 0; j < ts.size(); j++) {
				for (int gi = 0; gi < ng && group[j] < 0; gi++) {
					bool apart = true;
					for (size_t k = 0; k < j && apart; k++)
						apart = group[k] != gi || bb[j].IsOut(bb[k]);
					if (apart)
						group[j] = gi;
				}
				if (group[j] < 0)
					group[j] = ng++;
			}
			for (int gi = 0; gi < ng; gi++) {
				TopTools_ListOfShape args, tools;
				args.Append(part);
				for (size_t j = 0; j < ts.size(); j++)
					if (group[j] == gi)
						tools.Append(ts[j]);
				BRepAlgoAPI_Cut op;
				op.SetArguments(args);
				op.SetTools(tools);
				op.SetRunParallel(Standard_False);
				op.SetUseOBB(Standard_True);
				op.SetToFillHistory(Standard_False);
				op.SetCheckInverted(Standard_False);
				op.Build();
				if (op.HasErrors())
					return fail(why, whylen, MDF_E_INVAL, "boolean cut failed");
				part = op.Shape();
			}
			double w = volume(part);
			removed[side] = v - w;
			v = w;
		}
		*nsolids = count_solids(part);
		*out = new mdf_cad_shape;
		(*out)->s = part;
		return MDF_OK;
	} catch (...) {
		std::string r = reason();
		return fail(why, whylen, r == "out of memory" ? MDF_E_NOMEM : MDF_E_INVAL, r);
	}
}

extern "C" int
mdf_cad_mesh(struct mdf_cad_shape *shape, double lin, double ang,
    const double *shift, float **tri, size_t *ntri, char *why, size_t whylen)
{
	*tri = NULL;
	*ntri = 0;
	try {
		silence();
		const TopoDS_Shape &s = shape->s;
		BRepTools::Clean(s);
		BRepMesh_IncrementalMesh mesh(s, lin, Standard_False, ang, Standard_False);
		size_t total = 0;
		for (TopExp_Explorer ex(s, TopAbs_FACE); ex.More(); ex.Next()) {
			TopLoc_Location loc;
			Handle(Poly_Triangulation) t = BRep_Tool::Triangulation(
			    TopoDS::Face(ex.Current()), loc);
			if (t.IsNull())
				return fail(why, whylen, MDF_E_INVAL, "a face could not be meshed");
			total += (size_t)t->NbTriangles();
		}
		float *out = (float *)malloc((total ? total : 1) * 12 * sizeof(float));
		if (out == NULL)
			return fail(why, whylen, MDF_E_NOMEM, "out of memory");
		double sh[3] = { 0, 0, 0 };
		if (shift != NULL)
			sh[0] = shift[0], sh[1] = shift[1], sh[2] = shift[2];
		size_t k = 0;
		for (TopExp_Explorer ex(s, TopAbs_FACE); ex.More(); ex.Next()) {
			const TopoDS_Face &f = TopoDS::Face(ex.Current());
			TopLoc_Location loc;
			Handle(Poly_Triangulation) t = BRep_Tool::Triangulation(f, loc);
			const gp_Trsf &tr = loc.Transformation();
			bool rev = f.Orientation() == TopAbs_REVERSED;
			for (int i = 1; i <= t->NbTriangles(); i++) {
				int nd[3];
				t->Triangle(i).Get(nd[0], nd[1], nd[2]);
				if (rev)
					std::swap(nd[1], nd[2]);
				float *o = out + 12 * k++;
				o[0] = o[1] = o[2] = 0;
				for (int c = 0; c < 3; c++) {
					gp_Pnt p = t->Node(nd[c]).Transformed(tr);
					o[3 + 3 * c] = (float)(p.X() + sh[0]);
					o[4 + 3 * c] = (float)(p.Y() + sh[1]);
					o[5 + 3 * c] = (float)(p.Z() + sh[2]);
				}
			}
		}
		*tri = out;
		*ntri = k;
		return MDF_OK;
	} catch (...) {
		free(*tri);
		*tri = NULL;
		*ntri = 0;
		std::string r = reason();
		return fail(why, whylen, r == "out of memory" ? MDF_E_NOMEM : MDF_E_INVAL, r);
	}
}

extern "C" int
mdf_cad_write(struct mdf_cad_shape *shape, const double *shift,
    const char *path, int format, char *why, size_t whylen)
{
	try {
		silence();
		TopoDS_Shape s = moved(shape->s, shift);
		if (format == MDF_CAD_BREP) {
			if (!BRepTools::Write(s, path))
				return fail(why, whylen, MDF_E_IO, "cannot write BREP");
			return MDF_OK;
		}
		if (format == MDF_CAD_IGES) {
			IGESControl_Controller::Init();
			IGESControl_Writer w("MM", 1);  // faces as BREP entities
			if (!w.AddShape(s))
				return fail(why, whylen, MDF_E_INVAL, "cannot convert to IGES");
			w.ComputeModel();
			if (!w.Write(path))
				return fail(why, whylen, MDF_E_IO, "cannot write IGES");
			return MDF_OK;
		}
		STEPControl_Writer w;
		if (w.Transfer(s, STEPControl_AsIs) != IFSelect_RetDone)
			return fail(why, whylen, MDF_E_INVAL, "cannot convert to STEP");
		if (w.Write(path) != IFSelect_RetDone)
			return fail(why, whylen, MDF_E_IO, "cannot write STEP");
		return MDF_OK;
	} catch (...) {
		return fail(why, whylen, MDF_E_IO, reason());
	}
}

extern "C" int
mdf_cad_read(const void *buf, size_t len, const char *path, int format,
    struct mdf_cad_shape ***solids, size_t *n, char *why, size_t whylen)
{
	*solids = NULL;
	*n = 0;
	try {
		silence();
		Quiet q;
		Stdout out;
		TopoDS_Shape s;
		bool ok;
		if (format == MDF_CAD_BREP) {
			MemBuf mb((const char *)buf, len);
			std::istream in(&mb);
			BRep_Builder b;
			BRepTools::Read(s, in, b);
			ok = !s.IsNull();
		} else if (format == MDF_CAD_IGES) {
			IGESControl_Reader r;
			ok = r.ReadFile(path) == IFSelect_RetDone;
			if (ok) {
				r.TransferRoots();
				s = r.OneShape();
			}
		} else {
			STEPControl_Reader r;
			MemBuf mb((const char *)buf, len);
			std::istream in(&mb);
			ok = r.ReadStream(path, in) == IFSelect_RetDone;
			if (ok) {
				r.TransferRoots();
				s = r.OneShape();
			}
		}
		std::string said = out.restore(), text = q.cap->text;
		if (text.empty())
			text = said;
		const char *kind = format == MDF_CAD_BREP ? "BREP" :
		    format == MDF_CAD_IGES ? "IGES" : "STEP";
		if (!ok)
			return fail(why, whylen, MDF_E_META, text.empty() ?
			    std::string("not a readable ") + kind + " file" : tidy(text));
		split_solids(s, solids, n);
		if (*n == 0)
			return fail(why, whylen, MDF_E_META, "no solid or surface in the " +
			    std::string(kind) + " model" + (text.empty() ? "" : " (" + tidy(text) + ")"));
		return MDF_OK;
	} catch (...) {
		std::string r = reason();
		return fail(why, whylen, r == "out of memory" ? MDF_E_NOMEM : MDF_E_META, r);
	}
}

extern "C" double
mdf_cad_extent(struct mdf_cad_shape *shape)
{
	try {
		Bnd_Box b;
		BRepBndLib::Add(shape->s, b);
		if (b.IsVoid())
			return 0;
		double x0, y0, z0, x1, y1, z1;
		b.Get(x0, y0, z0, x1, y1, z1);
		return std::max(x1 - x0, std::max(y1 - y0, z1 - z0));
	} catch (...) {
		return 0;
	}
}

extern "C" double
mdf_cad_volume(struct mdf_cad_shape *shape)
{
	try {
		return volume(shape->s);
	} catch (...) {
		return 0;
	}
}

extern "C" void
mdf_cad_free(struct mdf_cad_shape *shape)
{
	delete shape;
}
