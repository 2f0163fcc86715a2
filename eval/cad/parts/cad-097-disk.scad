// cad-097-disk: disk stock (turned edges), label -X
// features: -X pocket
// removed mm^3: px=0.000 mx=60814.344 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 60814.344 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-244.18, 27.49, 86.15], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	rod_z(117.23, 49.08);
	face([0, 0, 49.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-9.82, 8.64, 0]) pocket(97.95, 87.57, 0.00, 7.09);  // -X 60814.344
}
