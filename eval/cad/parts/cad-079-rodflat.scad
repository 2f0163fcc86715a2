// cad-079-rodflat: rod_flat stock (turned edges), label -Y
// features: -Y flat; +X flat; -Z rounded pocket; -Z pocket
// removed mm^3: px=86808.808 mx=0.000 py=0.000 my=2126918.919 pz=0.000 mz=218323.562
// margin: label blind 2126918.919 >= 1.50 x 218323.562 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([11.46, -28.27, 14.19], [[0, -1, 0], [0, 0, -1], [1, 0, 0]])
part() {
	rod_x(118.21, 294.05);
	translate([24.53, -119.21, 45.00]) cube([185.95, 238.42, 119.21]);  // -Y 2126918.919
	translate([218.84, -119.21, -119.21]) cube([41.78, 23.71, 238.42]);  // +X 86808.808
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([3.39, 73.82, 0]) pocket(22.83, 55.10, 8.78, 59.94);  // -Z 71312.558
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([-37.19, 2.92, 0]) pocket(45.64, 59.65, 0.00, 54.00);  // -Z 147011.004
}
