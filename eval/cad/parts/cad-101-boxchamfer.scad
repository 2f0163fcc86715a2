// cad-101-boxchamfer: box_chamfer stock (chamfer edges), label -Y
// features: -Y circular pocket; -Y pocket; +Y pocket; +X 9 holes; +X counterbore
// removed mm^3: px=23164.673 mx=0.000 py=5782.508 my=556562.408 pz=0.000 mz=0.000
// margin: label blind 556562.408 >= 1.50 x 23164.673 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-81.81, 148.47, 106.02], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	box_chamfer([215.01, 285.32, 247.64], 17.35);
	face([0, 0, 247.64], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([57.52, 181.83, 0]) hole(32.22, 139.51);  // -Y 452076.695
	face([0, 0, 247.64], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([134.20, 212.09, 0]) pocket(53.87, 23.00, 0.00, 84.33);  // -Y 104485.713
	face([0, 285.32, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([87.78, 99.37, 0]) pocket(11.42, 13.01, 0.00, 38.92);  // +Y 5782.508
	face([0, 0, 247.64], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([129.07, 171.36, 0]) { translate([-15.71, -11.41, 0]) hole(3.47, 58.01); translate([-15.71, 0.00, 0]) hole(3.47, 58.01); translate([-15.71, 11.41, 0]) hole(3.47, 58.01); translate([0.00, -11.41, 0]) hole(3.47, 58.01); translate([0.00, 0.00, 0]) hole(3.47, 58.01); translate([0.00, 11.41, 0]) hole(3.47, 58.01); translate([15.71, -11.41, 0]) hole(3.47, 58.01); translate([15.71, 0.00, 0]) hole(3.47, 58.01); translate([15.71, 11.41, 0]) hole(3.47, 58.01); };  // +X 19622.757
	face([0, 0, 247.64], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([215.90, 202.23, 0]) cbore(7.83, 10.56, 4.73, 32.34);  // +X 3541.916
}
