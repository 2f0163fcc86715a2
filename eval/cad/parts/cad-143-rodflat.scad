// cad-143-rodflat: rod_flat stock (turned edges), label -X
// features: -X flat; -Y countersink; +Y slot
// removed mm^3: px=0.000 mx=33.854 py=2.043 my=0.818 pz=0.000 mz=0.000
// margin: label blind 33.854 >= 1.50 x 2.043 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([152.11, -44.53, -177.80], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	rod_x(2.38, 17.36);
	translate([4.98, -3.38, 0.92]) cube([7.38, 6.76, 3.38]);  // -X 33.854
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([0.06, -0.03, 0]) csink(0.52, 0.30, 0.22, 2.71);  // -Y 0.818
	face([17.36, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([0.55, -0.32, 0]) slot(1.43, 0.26, 2.14);  // +Y 2.043
}
