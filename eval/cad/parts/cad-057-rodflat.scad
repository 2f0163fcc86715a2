// cad-057-rodflat: rod_flat stock (turned edges), label +Z
// features: +Z flat; +Y flat; -X circular pocket
// removed mm^3: px=0.000 mx=247.388 py=381.106 my=0.000 pz=6497.964 mz=0.000
// margin: label blind 6497.964 >= 1.50 x 381.106 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([41.70, -53.94, 80.79], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	rod_x(17.88, 52.50);
	translate([16.79, -18.88, 8.23]) cube([29.92, 37.76, 18.88]);  // +Z 6497.964
	translate([1.68, -18.88, -18.88]) cube([8.39, 4.29, 37.76]);  // +Y 381.106
	face([52.50, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-7.10, -1.14, 0]) hole(2.76, 10.38);  // -X 247.388
}
