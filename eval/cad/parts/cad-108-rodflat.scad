// cad-108-rodflat: rod_flat stock (turned edges), label -Y
// features: -Y flat; +Z slot; +Z countersink
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=78.786 pz=1.536 mz=0.000
// margin: label blind 78.786 >= 1.50 x 1.536 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([147.05, 151.61, -4.23], [[0, -1, 0], [0, 0, -1], [1, 0, 0]])
part() {
	rod_x(3.42, 6.80);
	translate([-1.00, -4.42, 0.97]) cube([8.80, 8.84, 4.42]);  // -Y 78.786
	face([6.80, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-0.01, -2.46, 0]) slot(0.84, 0.22, 1.47);  // +Z 0.763
	face([6.80, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-0.77, -0.40, 0]) csink(0.69, 0.32, 0.37, 1.85);  // +Z 0.773
}
