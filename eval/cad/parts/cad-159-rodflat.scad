// cad-159-rodflat: rod_flat stock (turned edges), label +Z
// features: +Z flat; -Y flat; +X pocket; +X pocket in pocket
// removed mm^3: px=55105.079 mx=0.000 py=0.000 my=34764.172 pz=388533.360 mz=0.000
// margin: label blind 388533.360 >= 1.50 x 55105.079 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-12.55, 5.10, -60.26], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	rod_x(52.64, 453.95);
	translate([130.01, -53.64, 22.68]) cube([192.28, 107.28, 53.64]);  // +Z 388533.360
	translate([335.46, -53.64, -53.64]) cube([65.83, 12.87, 107.28]);  // -Y 34764.172
	face([453.95, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([17.90, 25.38, 0]) pocket(18.33, 17.50, 0.00, 109.27);  // +X 35051.084
	face([453.95, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([1.55, -18.00, 0]) pocket2(23.84, 18.17, 2.08, 42.06, 8.60, 6.49, 2.11, 38.43, 3.50, 2.10);  // +X 20053.995
}
