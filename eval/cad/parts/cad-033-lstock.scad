// cad-033-lstock: lstock stock (sharp edges), label +X
// features: +X step; -Y pocket
// removed mm^3: px=17.397 mx=0.000 py=0.000 my=2.823 pz=0.000 mz=0.000
// margin: label blind 17.397 >= 1.50 x 2.823 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([27.19, 53.81, 72.06], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	lstock([9.80, 5.23, 5.65], 1.89, 2.08);
	face([0, 0, 5.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.90, 0.28, 0]) translate([0, -0.50, 0]) step(11.80, 1.56, 3.17);  // +X 17.397
	face([0, 0, 5.65], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([0.93, 4.51, 0]) pocket(1.62, 0.99, 0.00, 1.76);  // -Y 2.823
}
