// cad-082-rodflat: rod_flat stock (turned edges), label +Z
// features: +Z flat; -X rounded pocket
// removed mm^3: px=0.000 mx=12.867 py=0.000 my=0.000 pz=144.099 mz=0.000
// margin: label blind 144.099 >= 1.50 x 12.867 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-31.10, -189.87, 27.42], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	rod_x(3.22, 25.72);
	translate([3.03, -4.22, 1.04]) cube([14.97, 8.44, 4.22]);  // +Z 144.099
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([-0.05, -0.02, 0]) pocket(1.39, 1.52, 0.45, 6.65);  // -X 12.867
}
