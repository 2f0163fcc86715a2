// cad-122-plate: plate stock (sharp edges), label -Y
// features: -Y rounded pocket; +Y pocket; -Z circular pocket; -X counterbore
// removed mm^3: px=0.000 mx=1928.474 py=16546.383 my=81852.748 pz=0.000 mz=4591.301
// margin: label blind 81852.748 >= 1.50 x 16546.383 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-8.28, -10.55, -45.70], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([289.98, 168.19, 33.35]);
	face([0, 0, 33.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([92.69, 69.81, 0]) pocket(72.41, 90.57, 18.03, 13.09);  // -Y 81852.748
	face([0, 168.19, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([225.58, 108.75, 0]) pocket(52.72, 34.68, 0.00, 9.05);  // +Y 16546.383
	face([289.98, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([38.13, 22.81, 0]) hole(5.33, 52.79);  // -Z 4591.301
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([86.33, 7.92, 0]) cbore(5.99, 7.75, 3.09, 44.60);  // -X 1928.474
}
