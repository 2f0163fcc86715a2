// cad-046-rodflat: rod_flat stock (turned edges), label -X
// features: -X flat
// removed mm^3: px=0.000 mx=1053316.302 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 1053316.302 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([217.62, -26.77, -46.00], [[0, 0, -1], [0, -1, 0], [-1, 0, 0]])
part() {
	rod_x(73.57, 477.40);
	translate([61.22, -74.57, 35.79]) cube([310.99, 149.14, 74.57]);  // -X 1053316.302
}
