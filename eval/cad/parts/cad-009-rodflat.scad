// cad-009-rodflat: rod_flat stock (turned edges), label +Y
// features: +Y flat; +Z rounded pocket
// removed mm^3: px=0.000 mx=0.000 py=47.765 my=0.000 pz=3.251 mz=0.000
// margin: label blind 47.765 >= 1.50 x 3.251 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([68.85, 22.31, -193.81], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	rod_x(4.02, 8.97);
	translate([1.75, -5.02, 1.38]) cube([3.32, 10.04, 5.02]);  // +Y 47.765
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([0.41, 0.34, 0]) pocket(1.59, 0.87, 0.14, 2.38);  // +Z 3.251
}
