// cad-056-rodflat: rod_flat stock (turned edges), label +Y
// features: +Y flat
// removed mm^3: px=0.000 mx=0.000 py=436.726 my=0.000 pz=0.000 mz=0.000
// margin: label blind 436.726 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-42.23, -2.61, -32.36], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	rod_x(6.85, 16.38);
	translate([4.46, -7.85, 1.95]) cube([9.27, 15.70, 7.85]);  // +Y 436.726
}
