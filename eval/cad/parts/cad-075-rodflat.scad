// cad-075-rodflat: rod_flat stock (turned edges), label -Z
// features: -Z flat
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=17058.419
// margin: label blind 17058.419 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-12.35, -234.23, 86.63], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	rod_x(28.73, 53.94);
	translate([-1.00, -29.73, 18.01]) cube([55.94, 59.46, 29.73]);  // -Z 17058.419
}
